/**
 * A small libSQL server for tests and local trials: the Hrana v2 protocol over HTTP
 * (`POST /v2/pipeline`), which `@libsql/client` speaks to `http://` URLs, over a local file.
 * No real libSQL server (sqld) installs from npm or Debian here; production uses Turso or a
 * self-hosted sqld. It can be told to refuse connections or to accept and never answer, the two
 * ways a remote database fails an app.
 *
 * Supported: `execute`, `batch` (with ok/not/and/or conditions), `sequence`, `store_sql`,
 * `close_sql`, `close`, and batons, so an interactive transaction spans requests.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import Database from "libsql";

type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

interface HranaStmt {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}

type Condition =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: Condition }
  | { type: "and"; conds: Condition[] }
  | { type: "or"; conds: Condition[] }
  | { type: "is_autocommit" };

interface Stream {
  db: InstanceType<typeof Database>;
  sqls: Map<number, string>;
  /** When the stream was last used: idle streams are closed (a client may vanish without closing). */
  usedAt: number;
}

/** The spec lets a server close streams after a short inactivity; this one waits this long. */
const streamIdleMs = 30_000;

class HranaError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

function fromValue(value: HranaValue): unknown {
  switch (value.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(value.value);
    case "float":
      return value.value;
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

function toValue(value: unknown): HranaValue {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) return { type: "blob", base64: Buffer.from(value).toString("base64") };
  return { type: "text", value: String(value) };
}

function execute(stream: Stream, stmt: HranaStmt) {
  const sql = stmt.sql ?? (stmt.sql_id === undefined ? undefined : stream.sqls.get(stmt.sql_id));
  if (sql === undefined) throw new HranaError("The statement has no SQL", "SQL_NOT_FOUND");
  try {
    const prepared = stream.db.prepare(sql);
    prepared.safeIntegers(true);
    const named = Object.fromEntries(
      (stmt.named_args ?? []).map((a) => [a.name.replace(/^[:@$]/, ""), fromValue(a.value)]),
    );
    const args = stmt.named_args?.length ? [named] : (stmt.args ?? []).map(fromValue);
    let returnsRows = true;
    try {
      prepared.raw(true);
    } catch {
      returnsRows = false;
    }
    if (returnsRows) {
      const columns = prepared.columns();
      let rows: unknown[][] = [];
      if (stmt.want_rows === false) prepared.run(...args);
      else rows = prepared.all(...args) as unknown[][];
      return {
        cols: columns.map((c: { name: string; type?: string | null }) => ({ name: c.name, decltype: c.type ?? null })),
        rows: rows.map((row) => row.map(toValue)),
        affected_row_count: 0,
        last_insert_rowid: null,
      };
    }
    const info = prepared.run(...args) as { changes: number; lastInsertRowid: bigint | number };
    return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    throw new HranaError(message, code ?? "SQLITE_ERROR");
  }
}

function holds(condition: Condition | undefined, outcomes: ("ok" | "error" | undefined)[], stream: Stream): boolean {
  if (!condition) return true;
  switch (condition.type) {
    case "ok":
      return outcomes[condition.step] === "ok";
    case "error":
      return outcomes[condition.step] === "error";
    case "not":
      return !holds(condition.cond, outcomes, stream);
    case "and":
      return condition.conds.every((c) => holds(c, outcomes, stream));
    case "or":
      return condition.conds.some((c) => holds(c, outcomes, stream));
    case "is_autocommit":
      return !stream.db.inTransaction;
  }
}

function batch(stream: Stream, steps: { condition?: Condition; stmt: HranaStmt }[]) {
  const outcomes: ("ok" | "error" | undefined)[] = [];
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const step of steps) {
    if (!holds(step.condition, outcomes, stream)) {
      outcomes.push(undefined);
      results.push(null);
      errors.push(null);
      continue;
    }
    try {
      results.push(execute(stream, step.stmt));
      errors.push(null);
      outcomes.push("ok");
    } catch (error) {
      const { message, code } = error as HranaError;
      results.push(null);
      errors.push({ message, code });
      outcomes.push("error");
    }
  }
  return { step_results: results, step_errors: errors };
}

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
  const streams = new Map<string, Stream>();
  const sockets = new Set<Socket>();
  let hanging = false;

  const open = (): Stream => {
    const db = new Database(path);
    db.exec("PRAGMA busy_timeout = 2000");
    return { db, sqls: new Map(), usedAt: Date.now() };
  };

  const pipeline = (body: { baton: string | null; requests: { type: string; [key: string]: unknown }[] }) => {
    let baton = body.baton;
    let stream = baton ? streams.get(baton) : open();
    if (!stream) throw new HranaError("Unknown baton", "STREAM_EXPIRED");
    if (baton) streams.delete(baton);
    stream.usedAt = Date.now();
    const results = body.requests.map((request) => {
      const s = stream as Stream;
      try {
        switch (request.type) {
          case "execute":
            return { type: "ok", response: { type: "execute", result: execute(s, request.stmt as HranaStmt) } };
          case "batch": {
            const steps = (request.batch as { steps: { condition?: Condition; stmt: HranaStmt }[] }).steps;
            return { type: "ok", response: { type: "batch", result: batch(s, steps) } };
          }
          case "sequence":
            s.db.exec(String(request.sql ?? s.sqls.get(Number(request.sql_id))));
            return { type: "ok", response: { type: "sequence" } };
          case "store_sql":
            s.sqls.set(Number(request.sql_id), String(request.sql));
            return { type: "ok", response: { type: "store_sql" } };
          case "close_sql":
            s.sqls.delete(Number(request.sql_id));
            return { type: "ok", response: { type: "close_sql" } };
          case "get_autocommit":
            return { type: "ok", response: { type: "get_autocommit", is_autocommit: !s.db.inTransaction } };
          case "close":
            s.db.close();
            stream = undefined;
            return { type: "ok", response: { type: "close" } };
          default:
            throw new HranaError(`Unsupported request ${request.type}`, "UNSUPPORTED");
        }
      } catch (error) {
        const { message, code } = error as HranaError;
        return { type: "error", error: { message, code } };
      }
    });
    baton = null;
    if (stream) {
      baton = randomUUID();
      streams.set(baton, stream);
    }
    return { baton, base_url: null, results };
  };

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
      answer(200, pipeline(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
    } catch (error) {
      const { message, code } = error as HranaError;
      answer(400, { message, code });
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

  const sweeping = setInterval(() => {
    for (const [baton, stream] of streams) {
      if (Date.now() - stream.usedAt > streamIdleMs) {
        streams.delete(baton);
        stream.db.close();
      }
    }
  }, streamIdleMs);
  sweeping.unref();

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
      clearInterval(sweeping);
      await stop();
      for (const stream of streams.values()) stream.db.close();
      streams.clear();
    },
  };
}
