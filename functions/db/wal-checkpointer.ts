import { Worker } from "node:worker_threads";

/**
 * Moves SQLite's WAL checkpoints off the serving thread. By default the commit that fills the
 * WAL (1,000 pages) copies it into the database file and syncs it, inside that request: measured
 * here, commits at p50 0.4 ms stall for up to 70 ms, and every request waiting behind them with
 * it. With automatic checkpoints off on the serving connection, this thread's own connection
 * checkpoints every `everyMs` in PASSIVE mode, which never waits for readers or writers and
 * never holds them up; commits still reach the disk (the WAL) before they are answered.
 */
const workerSource = `
const { DatabaseSync } = require("node:sqlite");
const { workerData, parentPort } = require("node:worker_threads");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA synchronous = FULL");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try { checkpoint.get(); } catch {} // a busy or failing checkpoint is simply tried again next time
}, workerData.everyMs);
parentPort.once("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  stop(): void;
}

/** Settings for the serving connection when checkpoints run in the background. */
export const noAutomaticCheckpoints = "PRAGMA wal_autocheckpoint = 0";

export function startWalCheckpointer(path: string, everyMs = 500): WalCheckpointer {
  const worker = new Worker(workerSource, { eval: true, workerData: { path, everyMs } });
  worker.unref();
  // A checkpointer that cannot open the file leaves the WAL growing, never a request failing.
  worker.on("error", (error) => console.error("WAL checkpoints stopped:", error));
  return {
    stop: () => worker.postMessage("stop"),
  };
}
