import type { Client } from "@libsql/client";
import type { Logger } from "../app/lib/log.ts";
import { truncateWal } from "../db/erase.ts";
import { isFileUrl } from "../db/file-url.ts";
import type { WriteQueue } from "../db/write-queue.ts";
import { beforeDeadline, type Draining } from "./draining.ts";

export interface StoppingServer {
  requests: Draining;
  writes: WriteQueue;
  db: Client;
  databaseUrl: string;
  hashing: { close(): Promise<void> };
  /** Work the server does on its own (writers' messages being sent), stopped and settled. */
  background: Promise<void>;
  log: Logger;
}

/** Of the time a shutdown may take, what is kept for the last steps (checkpoint, close) after waiting. */
const closingReserveMs = (timeoutMs: number) => Math.min(1000, Math.floor(timeoutMs / 5));

/**
 * The orderly stop a SIGTERM asks for, within `timeoutMs`: readiness answers 503 from the first
 * moment (`requests.started`), no new connection is accepted, every request in flight is
 * answered, the message being sent to the writers is recorded, the write queue is drained, a file database's WAL is checkpointed into the file
 * (TRUNCATE: the next start reads one file, and a copy of the folder is whole), then the database
 * and the hashing threads are closed. What is still running when the time is up is cut off,
 * and the result says so (`clean: false`).
 */
export async function stopServer(server: StoppingServer, timeoutMs: number): Promise<{ clean: boolean }> {
  const begun = Date.now();
  const deadline = begun + timeoutMs - closingReserveMs(timeoutMs);
  server.log.server("shutdown_started", { inFlight: server.requests.inFlight(), timeoutMs });
  const answered = await server.requests.drain(deadline);
  const settled = await beforeDeadline(server.background, deadline);
  const written = settled && (await beforeDeadline(server.writes.idle(), deadline));
  const checkpointed = isFileUrl(server.databaseUrl) ? await truncateWal(server.db).catch(() => false) : undefined;
  server.db.close();
  await server.hashing.close();
  const clean = answered && written;
  server.log.server("shutdown_finished", {
    clean,
    answered,
    written,
    ...(checkpointed === undefined ? {} : { checkpointed }),
    durationMs: Date.now() - begun,
  });
  return { clean };
}
