import { spawn } from "node:child_process";

/** The steps of a backup, in order, for whoever watches one (bench:backup). */
export type BackupPhase = "copy" | "check" | "write-out";

/**
 * What the process reports: a look inside the copy, or that the copy could not be made. `idle`:
 * the check ran in the idle class (else at nice 19: no `chrt` here, or not Linux).
 */
export type CopyProcessOutcome =
  | { readable: false; error: string; idle: boolean }
  | { readable: true; damage: string[]; objects: string[]; version: number | undefined; idle: boolean }
  | { copyFailed: string };

/** What the process is asked to do: check the file at `path`, first made there from `copyFrom` when given. */
interface CopyJob {
  path: string;
  copyFrom: string | undefined;
  objectsSql: string;
  versionSql: string;
}

/**
 * The copy and its check run in a process of their own, not on a thread of the server's: a
 * process can be put wholly in the idle class (below), its memory goes when it ends, and it
 * shares nothing with the server but the database file (not SQLite's per-process state for that
 * file, whose mutexes a preempted low-priority thread could hold, nor libuv's pool, nor the
 * memory allocator).
 *
 * The copy is `VACUUM INTO`, at nice 19: one statement in one read transaction, so the copy is
 * the database as it was when it began, with every write committed before then, while the
 * server goes on writing (in WAL mode a reader never blocks a writer). It stays in the ordinary
 * class, if at its lowest priority, because its read transaction holds back the server's WAL
 * checkpoints for as long as it lasts: it must not starve. It is the cheap part (0.6 s of CPU
 * for a million rows). Then the process puts itself in Linux's idle class (SCHED_IDLE, by
 * `chrt`, where there is one), where it runs only on CPU time nothing else wants and gives way
 * the moment anything else wakes, and checks the copy: `integrity_check` is the costly part (2 to
 * 5 s of CPU) and touches nothing of the server's, so it may take as long as it needs. A thread
 * cannot leave the idle class without privileges, hence this order. The copy is read through
 * memory mapping: it lies in memory (staged-copy.ts), and mapped pages spare the check a system
 * call and a copy per page.
 *
 * The copy is made one self-contained file first (rollback journal, not WAL), so that opening
 * it later never leaves a `-wal` or `-shm` file beside it.
 */
const processSource = `
const { DatabaseSync } = require("node:sqlite");
const { setPriority } = require("node:os");
const { spawnSync } = require("node:child_process");
const { readdirSync, readFileSync } = require("node:fs");
// Every thread, those Node started before this line too (scripts/lib/lowest-priority.ts says why).
try { for (const thread of readdirSync("/proc/self/task")) setPriority(Number(thread), 19); }
catch { try { setPriority(19); } catch {} }
const job = JSON.parse(process.argv[1]);
const send = (message) => new Promise((resolve) => process.send(message, resolve));
/** Enters the idle class and says whether it did: the policy field of /proc/self/stat, 5 for SCHED_IDLE. */
const idleClass = () => {
  try {
    spawnSync("chrt", ["--all-tasks", "--idle", "-p", "0", String(process.pid)], { stdio: "ignore" });
    const stat = readFileSync("/proc/self/stat", "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[38] === "5";
  } catch { return false; }
};
const inspect = async () => {
  if (job.copyFrom) {
    const source = new DatabaseSync(job.copyFrom, { timeout: 5000 });
    try { source.prepare("VACUUM INTO ?").run(job.path); }
    catch (error) { return { copyFailed: error.message }; }
    finally { source.close(); }
  }
  const idle = idleClass();
  if (job.copyFrom) await send({ phase: "check" });
  let db;
  try {
    db = new DatabaseSync(job.path, { timeout: 5000 });
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA mmap_size = 4294967296");
    const damage = db.prepare("PRAGMA integrity_check(10)").all()
      .map((row) => String(row.integrity_check)).filter((message) => message !== "ok");
    const objects = db.prepare(job.objectsSql).all().map((row) => String(row.object));
    const version = objects.includes("table schema_migrations")
      ? Number(db.prepare(job.versionSql).get().version) : undefined;
    return { readable: true, damage, objects, version, idle };
  } catch (error) {
    // SQLITE_CORRUPT: a page so broken that the check itself stops there.
    if ((error.errcode & 0xff) === 11) return { readable: true, damage: [error.message], objects: [], idle };
    return { readable: false, error: error.message, idle };
  } finally {
    if (db && db.isOpen) db.close();
  }
};
inspect().then(send).then(() => process.disconnect());
`;

/** Runs `job` in its own low-priority process; `onPhase` hears when the copy is made and the check begins. */
export function runCopyProcess(job: CopyJob, onPhase?: (phase: BackupPhase) => void): Promise<CopyProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", processSource, JSON.stringify(job)], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    // A server stopped in the middle of a backup takes the backup's process with it.
    const stop = () => child.kill("SIGKILL");
    process.once("exit", stop);
    let stderr = "";
    let outcome: CopyProcessOutcome | undefined;
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("message", (message: CopyProcessOutcome | { phase: BackupPhase }) => {
      if ("phase" in message) onPhase?.(message.phase);
      else outcome = message;
    });
    child.once("error", reject);
    child.once("close", (code) => {
      process.off("exit", stop);
      if (outcome) resolve(outcome);
      else reject(new Error(`The check of ${job.path} stopped (exit ${code}): ${stderr.trim()}`));
    });
  });
}
