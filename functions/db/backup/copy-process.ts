import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The steps of a backup, in order, for whoever watches one (bench:backup). */
export type BackupPhase = "copy" | "check" | "write-out";

/**
 * How low the process ran: `idle`, whether the check ran in the idle class (else at nice 19: no
 * `chrt` here, or not Linux); `groupNice`, the nice value of its session's group (undefined where
 * the system does not group by session).
 */
export interface ProcessPriority {
  idle: boolean;
  groupNice: number | undefined;
}

/** What the process found: a look inside the copy, or that the copy could not be made. */
export type CopyProcessOutcome =
  | ({ readable: false; error: string } & ProcessPriority)
  | ({ readable: true; damage: string[]; objects: string[]; version: number | undefined } & ProcessPriority)
  | { copyFailed: string };

/**
 * What the process is asked: check the file at `path`, first made there from `copyFrom` when
 * given; with `ownSession`, in a session of its own at the lowest weight (see below).
 */
export interface CopyJob {
  path: string;
  copyFrom: string | undefined;
  objectsSql: string;
  versionSql: string;
  ownSession: boolean;
}

/** How a checked copy is written out: this many bytes at a time, each synced, then a pause. */
export interface WriteOutPace {
  chunkBytes: number;
  pauseMs: number;
}

/**
 * Everything a backup does to the database and its copy happens in a process of its own, at
 * the lowest priority the system gives, never on a thread of the server's: a process can be
 * lowered as a whole, its memory goes when it ends, and it shares nothing with the server but
 * the database file (not SQLite's per-process state for that file, not libuv's pool).
 *
 * Its priority. Every thread is at nice 19, and the check runs in the idle class (below). Where
 * Linux groups processes by session (autogroup, the default on many systems, and here), a
 * priority counts only against processes of the same session: two busy processes on one CPU in
 * two sessions, one at nice 19, got 161 and 164 CPU ticks, and one in the idle class 135 against
 * 151 (measured here). Within the server's session, the idle class gives way at once (0 ticks
 * against 110). So a backup started by the server (scheduled) stays in the server's session,
 * and one started from another session (`ownSession`: `npm run db:backup` in a login shell)
 * leads a session of its own whose group it sets to nice 19, the lowest weight a group has.
 *
 * The copy is `VACUUM INTO`: one statement in one read transaction, so the copy is the database
 * as it was when it began, with every write committed before then, while the server goes on
 * writing (in WAL mode a reader never blocks a writer). It stays in the ordinary class, at nice
 * 19, because its read transaction holds back the server's WAL checkpoints for as long as it
 * lasts: it must not starve. It is the cheap part (0.6 s of CPU for a million rows). Then the
 * process puts itself in Linux's idle class (SCHED_IDLE, by `chrt`, where there is one), where it
 * runs only on CPU time nothing else in its group wants and gives way the moment anything else
 * wakes, and checks the copy: `integrity_check` is the costly part (2 to 5 s of CPU) and touches
 * nothing of the server's, so it may take as long as it needs. A thread cannot leave the idle
 * class without privileges, hence this order. The copy is read through memory mapping: it lies
 * in memory (staged-copy.ts), and mapped pages spare the check a system call and a copy per page.
 * When asked, it then writes the checked copy out to its destination at `WriteOutPace`.
 *
 * The copy is made one self-contained file first (rollback journal, not WAL), so that opening
 * it later never leaves a `-wal` or `-shm` file beside it.
 *
 * The process runs backup-process.ts: from the source tree as TypeScript, and beside the
 * server's bundle (scripts/bundle-server.ts) as the JavaScript esbuild made of it.
 */
const processScript = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "./backup-process.ts" : "./backup-process.mjs", import.meta.url),
);

export interface CopyProcess {
  /** What the look inside the copy found. */
  outcome: Promise<CopyProcessOutcome>;
  /** Writes the checked copy out to the new file `to`, at `pace`; resolves once it is all synced. */
  writeOut(to: string, pace: WriteOutPace): Promise<void>;
  /** Lets the process go (it exits); call it in every case. */
  end(): void;
}

/** What the process is asked once the check is done: write the copy out to `to`. */
export type WriteOutRequest = { to: string } & WriteOutPace;

/** What the process answers, in order: the phase, the outcome, then whether the write-out worked. */
export type Reply = CopyProcessOutcome | { phase: BackupPhase } | { written: true } | { writeFailed: string };

/**
 * The backups' processes still running. A server stopped in the middle of a backup takes them
 * with it: one listener for all of them, however many backups a process runs at once.
 */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts the process on `job`; `onPhase` hears when the copy is made and the check begins. */
export function startCopyProcess(job: CopyJob, onPhase?: (phase: BackupPhase) => void): CopyProcess {
  const child = spawn(process.execPath, [processScript, JSON.stringify(job)], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    // Structured clone, not JSON: an outcome's undefined fields (no session group here) arrive as such.
    serialization: "advanced",
    detached: job.ownSession,
  });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ended = new Promise<Error>((resolve) => {
    const failed = (detail: string) => new Error(`The backup's process for ${job.path} stopped (${detail}): ${stderr}`);
    child.once("error", (error) => resolve(failed(error.message)));
    child.once("close", (code) => {
      running.delete(child);
      resolve(failed(`exit ${code}`));
    });
  });
  let replied: (reply: Reply) => void = () => undefined;
  const next = () =>
    Promise.race([new Promise<Reply>((resolve) => (replied = resolve)), ended.then((error) => Promise.reject(error))]);
  child.on("message", (reply: Reply) => {
    if ("phase" in reply) onPhase?.(reply.phase);
    else replied(reply);
  });
  const outcome = next() as Promise<CopyProcessOutcome>;
  outcome.catch(() => undefined); // read by the caller; a process that dies unread is no unhandled rejection
  return {
    outcome,
    async writeOut(to, pace) {
      const reply = next();
      child.send({ to, ...pace });
      const result = await reply;
      if ("writeFailed" in result) throw new Error(`${to} could not be written: ${result.writeFailed}`);
    },
    end() {
      if (child.connected) child.disconnect();
    },
  };
}
