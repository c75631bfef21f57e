/**
 * The backup's own process: copies the database, checks the copy and writes it out, at the
 * lowest priority the system gives. copy-process.ts starts it (as TypeScript from the source
 * tree, as JavaScript beside the server's bundle) and says why it is a process of its own.
 *   node backup-process.ts JOB   (JOB: the JSON of a CopyJob; replies over the IPC channel)
 */
import { spawnSync } from "node:child_process";
import { closeSync, fdatasyncSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { lowestPriority, lowestSessionWeight, sessionGroupNice } from "../../node/process-priority.ts";
import type { CopyJob, CopyProcessOutcome, ProcessPriority, Reply, WriteOutRequest } from "./copy-process.ts";

const job = JSON.parse(process.argv[2] ?? "{}") as CopyJob;
if (job.ownSession) lowestSessionWeight();
lowestPriority();

// The backup that started this process has ended (or its process died): nobody waits for the rest.
process.on("disconnect", () => process.exit(0));

const send = (reply: Reply) =>
  new Promise<void>((resolve) => {
    if (process.send) process.send(reply, () => resolve());
    else resolve(); // started by hand, without a channel: nobody to tell
  });

/** Enters the idle class; says whether it did (the policy field of /proc/self/stat: 5, SCHED_IDLE). */
function lowest(): ProcessPriority {
  let idle = false;
  try {
    spawnSync("chrt", ["--all-tasks", "--idle", "-p", "0", String(process.pid)], { stdio: "ignore" });
    const stat = readFileSync("/proc/self/stat", "utf8");
    idle = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[38] === "5";
  } catch {
    // no chrt or no /proc: the check runs at nice 19
  }
  return { idle, groupNice: sessionGroupNice() };
}

function check(priority: ProcessPriority): CopyProcessOutcome {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(job.path, { timeout: 5000 });
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA mmap_size = 4294967296");
    const damage = db
      .prepare("PRAGMA integrity_check(10)")
      .all()
      .map((row) => String(row.integrity_check))
      .filter((message) => message !== "ok");
    const objects = db
      .prepare(job.objectsSql)
      .all()
      .map((row) => String(row.object));
    const version = objects.includes("table schema_migrations")
      ? Number(db.prepare(job.versionSql).get()?.version)
      : undefined;
    return { readable: true, damage, objects, version, ...priority };
  } catch (error) {
    const { message, errcode } = error as Error & { errcode?: number };
    // SQLITE_CORRUPT: a page so broken that the check itself stops there.
    if (((errcode ?? 0) & 0xff) === 11)
      return { readable: true, damage: [message], objects: [], version: undefined, ...priority };
    return { readable: false, error: message, ...priority };
  } finally {
    if (db?.isOpen) db.close();
  }
}

function writeOut({ to, chunkBytes, pauseMs }: WriteOutRequest): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const input = openSync(job.path, "r");
  try {
    const output = openSync(to, "wx");
    try {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      for (let position = 0; ; ) {
        const read = readSync(input, buffer, 0, chunkBytes, position);
        if (read === 0) break;
        for (let written = 0; written < read; ) {
          written += writeSync(output, buffer, written, read - written, position + written);
        }
        fdatasyncSync(output);
        position += read;
        Atomics.wait(pause, 0, 0, pauseMs);
      }
      fsyncSync(output);
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

process.on("message", (request: WriteOutRequest) => {
  try {
    writeOut(request);
    void send({ written: true });
  } catch (error) {
    void send({ writeFailed: (error as Error).message });
  }
});

async function run(): Promise<void> {
  if (job.copyFrom) {
    const source = new DatabaseSync(job.copyFrom, { timeout: 5000 });
    try {
      source.prepare("VACUUM INTO ?").run(job.path);
    } catch (error) {
      return send({ copyFailed: (error as Error).message });
    } finally {
      source.close();
    }
  }
  const priority = lowest();
  if (job.copyFrom) await send({ phase: "check" });
  await send(check(priority));
}

await run();
