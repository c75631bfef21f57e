import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../deps.ts";
import type { AppMetrics } from "../metrics/app-metrics.ts";
import type { Logger } from "./log.ts";

/** The parts of Node's ServerResponse (`c.env.outgoing` under @hono/node-server) read here. */
interface NodeOutgoing {
  socket: { bytesWritten: number } | null;
  writableFinished: boolean;
  once(event: "close", listener: () => void): unknown;
}

/** A request id a proxy may hand on: letters, digits and `.-_:`, at most 128. Anything else is replaced. */
const requestIdShape = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One JSON line per request (lib/log.ts) and its id in `X-Request-Id`: the id a trusted proxy
 * gave (as the runtime's entry decided, lib/client.ts), else a new one. The line holds the id,
 * method, route pattern, status, duration, bytes and runtime: never a cookie, token, address,
 * query text or body, so it can be kept and searched without holding anything a reader typed.
 * With `metrics`, the same route, status and duration are counted there (app-metrics.ts).
 */
export function requestLog(log: Logger, runtime: string, metrics?: AppMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.get("client").requestId;
    const requestId = given && requestIdShape.test(given) ? given : crypto.randomUUID();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    if (!log.logsRequests && !metrics) return;
    const line = { requestId, method: c.req.method, route: routePath(c), status: c.res.status, runtime };
    const finish = (bytes: number, aborted = false) => {
      const durationMs = performance.now() - started;
      metrics?.request(line.method, line.route, line.status, durationMs / 1000);
      if (!log.logsRequests) return;
      log.request({ ...line, durationMs: Math.round(durationMs * 10) / 10, bytes, ...(aborted ? { aborted } : {}) });
    };
    // On Node the server writes the body itself, fastest from the string a handler gave: count
    // what its socket sent for this response (headers included, so every line counts alike)
    // rather than touch the body; the line is written when the response is done.
    const outgoing = (c.env as { outgoing?: NodeOutgoing } | undefined)?.outgoing;
    if (outgoing?.socket) {
      const socket = outgoing.socket;
      const before = socket.bytesWritten;
      outgoing.once("close", () => finish(socket.bytesWritten - before, !outgoing.writableFinished));
      return;
    }
    // A HEAD is answered without the body its GET would have (Hono drops it after this).
    if (c.req.method === "HEAD") return finish(0);
    const length = c.res.headers.get("Content-Length");
    if (length !== null || c.res.body === null) return finish(length === null ? 0 : Number(length));
    // The size of a body made as it goes (JSON, pages, exports) is known once it has been sent:
    // the line is written then, with what was sent (also when the reader went away first).
    let bytes = 0;
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      flush: () => finish(bytes),
      // The reader went away, or the body failed part-way (an export whose database went away):
      // what was sent, marked as cut short, and the failure as an error of this request.
      cancel: (reason: unknown) => {
        finish(bytes, true);
        if (reason !== undefined) log.error("response_failed", reason, { requestId });
      },
    } as Transformer<Uint8Array, Uint8Array>);
    c.res = new Response(c.res.body.pipeThrough(counted), c.res);
  };
}
