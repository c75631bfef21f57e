/**
 * A small libSQL server for tests and local trials: the Hrana protocol (versions 2 and 3, JSON)
 * over HTTP (`POST /v2/pipeline`, `/v3/pipeline`), which `@libsql/client` speaks to `http://`
 * URLs, over a local file. No real libSQL server (sqld) installs from npm or Debian here;
 * production uses Turso or a self-hosted sqld, so this one answers as sqld does wherever an app
 * could tell (libsql-http/run-statement.ts), and the official client's integration suite runs
 * against it (tests/libsql-client). It can be told to refuse connections or to accept and never
 * answer, the two ways a remote database fails an app.
 *
 * Supported: `execute`, `batch` (with ok/error/not/and/or/is_autocommit conditions), `sequence`,
 * `store_sql`, `close_sql`, `get_autocommit`, `close`, and batons, so an interactive transaction
 * spans requests (libsql-http/streams.ts). Not: cursors, `describe`, Protobuf, WebSockets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { errorBody } from "./libsql-http/hrana-protocol.ts";
import { type PipelineBody, startStreams } from "./libsql-http/streams.ts";

export interface LibsqlHttpServer {
  url: string;
  /** Connections are refused: the port is closed. */
  refuse(): Promise<void>;
  /** Requests are accepted and never answered. */
  hang(): void;
  /** Back to answering, on the same port. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (a free port unless given) over the database file `path`. */
export async function startLibsqlHttpServer(path: string, port = 0): Promise<LibsqlHttpServer> {
  const streams = startStreams(path);
  const sockets = new Set<Socket>();
  let hanging = false;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (hanging) return;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    // JSON over HTTP, versions 2 and 3 (the same pipeline); Protobuf is not offered, so clients fall back.
    if (request.method === "GET" && (request.url === "/v2" || request.url === "/v3")) return answer(200, {});
    if (request.method !== "POST" || !/^\/v[23]\/pipeline$/.test(request.url ?? "")) {
      return answer(404, { message: "Not found", code: "NOT_FOUND" });
    }
    try {
      answer(200, streams.pipeline(JSON.parse(Buffer.concat(chunks).toString("utf8")) as PipelineBody));
    } catch (error) {
      answer(400, errorBody(error));
    }
  };

  let server: Server;
  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((req, res) => void handle(req, res));
      server.on("connection", (socket) => {
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
      });
      server.once("error", reject);
      server.listen(onPort, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    refuse: stop,
    hang() {
      hanging = true;
    },
    async heal() {
      hanging = false;
      if (!server.listening) await listen(boundPort);
    },
    async close() {
      await stop();
      streams.closeAll();
    },
  };
}
