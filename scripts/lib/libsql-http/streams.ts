/**
 * Hrana streams: one SQLite connection each, kept between HTTP requests under a baton so an
 * interactive transaction spans requests, and answering a pipeline of requests in order.
 */
import { randomUUID } from "node:crypto";
import Database from "libsql";
import { type BatchStep, errorBody, HranaError, type HranaStmt } from "./hrana-protocol.ts";
import { runBatch } from "./run-batch.ts";
import { runStatement, type StatementContext, sqldError } from "./run-statement.ts";

interface Stream extends StatementContext {
  /** When the stream was last used: idle streams are closed (a client may vanish without closing). */
  usedAt: number;
}

export interface PipelineBody {
  baton: string | null;
  requests: { type: string; [key: string]: unknown }[];
}

/** The spec lets a server close streams after a short inactivity; this one waits this long. */
const streamIdleMs = 30_000;

/**
 * Ends a stream as sqld does, by dropping its connection: an open transaction is rolled back.
 * Closing the driver's connection alone would not: the connection lingers, holding its
 * transaction and the write lock, until its statements are garbage-collected.
 */
function closeStream(stream: Stream): void {
  try {
    if (stream.db.inTransaction) stream.db.exec("ROLLBACK");
  } finally {
    stream.db.close();
  }
}

function answer(stream: Stream, request: PipelineBody["requests"][number]): { type: string; [key: string]: unknown } {
  switch (request.type) {
    case "execute":
      return { type: "execute", result: runStatement(stream, request.stmt as HranaStmt) };
    case "batch":
      return { type: "batch", result: runBatch(stream, (request.batch as { steps: BatchStep[] }).steps) };
    case "sequence": {
      const sql = request.sql ?? stream.sqls.get(Number(request.sql_id));
      if (typeof sql !== "string") throw new HranaError(`SQL text ${request.sql_id} not found`, "SQL_NOT_FOUND");
      try {
        stream.db.exec(sql);
      } catch (error) {
        throw sqldError(error, false);
      }
      return { type: "sequence" };
    }
    case "store_sql":
      stream.sqls.set(Number(request.sql_id), String(request.sql));
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(Number(request.sql_id));
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
    default:
      throw new HranaError(`Unsupported request ${request.type}`, "UNSUPPORTED");
  }
}

export function startStreams(path: string) {
  const streams = new Map<string, Stream>();

  const open = (): Stream => {
    const db = new Database(path);
    db.exec("PRAGMA busy_timeout = 2000");
    return { db, sqls: new Map(), usedAt: Date.now() };
  };

  const sweeping = setInterval(() => {
    for (const [baton, stream] of streams) {
      if (Date.now() - stream.usedAt > streamIdleMs) {
        streams.delete(baton);
        closeStream(stream);
      }
    }
  }, streamIdleMs);
  sweeping.unref();

  return {
    /** Answers a pipeline on the baton's stream, or a new one; the answer carries the next baton. */
    pipeline(body: PipelineBody) {
      let stream = body.baton ? streams.get(body.baton) : open();
      if (!stream) throw new HranaError("The stream has expired or does not exist", "STREAM_EXPIRED");
      if (body.baton) streams.delete(body.baton);
      stream.usedAt = Date.now();
      const results = body.requests.map((request) => {
        if (!stream) return { type: "error", error: { message: "The stream is closed", code: "STREAM_CLOSED" } };
        if (request.type === "close") {
          closeStream(stream);
          stream = undefined;
          return { type: "ok", response: { type: "close" } };
        }
        try {
          return { type: "ok", response: answer(stream, request) };
        } catch (error) {
          return { type: "error", error: errorBody(error) };
        }
      });
      let baton: string | null = null;
      if (stream) {
        baton = randomUUID();
        streams.set(baton, stream);
      }
      return { baton, base_url: null, results };
    },
    closeAll() {
      clearInterval(sweeping);
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
    },
  };
}
