import type { Client, InStatement, ResultSet } from "@libsql/client";

export interface WriteQueue {
  /** Runs the statements in one transaction with whatever else is queued; resolves after the commit. */
  write(statements: InStatement[]): Promise<ResultSet[]>;
}

interface Job {
  statements: InStatement[];
  resolve: (results: ResultSet[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes that arrive while the event loop is busy share one transaction, so
 * one disk sync serves many submissions. Each caller is answered only after the commit that
 * holds its rows. If a shared transaction fails, each job is retried alone, so one bad write
 * cannot take the others down with it.
 */
export function createWriteQueue(client: Client): WriteQueue {
  let pending: Job[] = [];
  let scheduled = false;

  async function runAlone(job: Job) {
    try {
      job.resolve(await client.batch(job.statements, "write"));
    } catch (error) {
      job.reject(error);
    }
  }

  async function flush() {
    scheduled = false;
    const jobs = pending;
    pending = [];
    if (jobs.length === 1) return runAlone(jobs[0] as Job);
    try {
      const results = await client.batch(
        jobs.flatMap((j) => j.statements),
        "write",
      );
      let offset = 0;
      for (const job of jobs) {
        job.resolve(results.slice(offset, offset + job.statements.length));
        offset += job.statements.length;
      }
    } catch {
      for (const job of jobs) await runAlone(job);
    }
  }

  return {
    write(statements) {
      return new Promise((resolve, reject) => {
        pending.push({ statements, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
