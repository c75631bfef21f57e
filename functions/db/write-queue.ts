import type { Client, InStatement, InValue, ResultSet } from "@libsql/client";
import { DatabaseTimeout, isDatabaseFault } from "./faults.ts";
import { hasDeadlines } from "./recovering-client.ts";

/** One row for `table`, written together with other rows for the same table in one statement. */
export interface RowInsert {
  /** The statement's head, identical for rows that may share a statement: `INSERT INTO t (a, b)`. */
  into: string;
  /** The row as a SELECT of its values, with an optional guard: `SELECT ?, ? WHERE …`. */
  select: { sql: string; args: InValue[] };
  /**
   * For a guarded row: a unique column and this row's value in it, to tell which rows the
   * guards let through. Without it the row is taken as written once the commit succeeds.
   */
  key?: { column: string; value: InValue };
  /** Statements to run first in the same transaction (a rate-limit count); their results come back. */
  before?: InStatement[];
}

export interface WriteQueue {
  /** Runs the statements in one transaction with whatever else is queued; resolves after the commit. */
  write(statements: InStatement[]): Promise<ResultSet[]>;
  /** Inserts one row (unless its guard says no); resolves after the commit with whether it went in. */
  insert(row: RowInsert): Promise<{ inserted: boolean; before: ResultSet[] }>;
  /** Jobs queued or in the transaction running now. */
  depth(): number;
  /** Resolves once nothing is queued or running (a shutdown waits for it before closing the database). */
  idle(): Promise<void>;
}

/** What the server's metrics hear from the queue. */
export interface WriteQueueObserver {
  /** A job's transaction begins, `waitedMs` after it was queued. */
  started(waitedMs: number): void;
  /** A job waited past the limit and was answered with this error without running. */
  expired(error: DatabaseTimeout): void;
}

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
}
type WriteJob = Pending<ResultSet[]> & { kind: "write"; statements: InStatement[] };
type InsertJob = Pending<{ inserted: boolean; before: ResultSet[] }> & { kind: "insert"; row: RowInsert };
type Job = WriteJob | InsertJob;

/** Run after the I/O already waiting has been read: on Node, setImmediate; elsewhere a zero timeout. */
const soon: (run: () => void) => void = globalThis.setImmediate ?? ((run) => setTimeout(run, 0));

/** SQLite allows 500 terms in a compound SELECT; stay well below. */
const rowsPerStatement = 200;

function mergedInsert(rows: readonly RowInsert[]): InStatement {
  const [first] = rows as [RowInsert];
  const returning = first.key ? ` RETURNING ${first.key.column}` : "";
  return {
    sql: `${first.into} ${rows.map((r) => r.select.sql).join(" UNION ALL ")}${returning}`,
    args: rows.flatMap((r) => r.select.args),
  };
}

/** Rows share a statement when they go to the same table the same way (guarded or not). */
const groupKey = (row: RowInsert) => `${row.key?.column ?? ""}\u0000${row.into}`;

/** The statements a job runs when it runs alone (after a shared transaction failed). */
function statementsOf(job: Job): InStatement[] {
  return job.kind === "write" ? job.statements : [...(job.row.before ?? []), mergedInsert([job.row])];
}

function settle(job: Job, results: ResultSet[]): void {
  if (job.kind === "write") {
    job.resolve(results);
    return;
  }
  const key = job.row.key;
  const inserted = key ? (results.at(-1)?.rows.some((r) => r[key.column] === key.value) ?? false) : true;
  job.resolve({ inserted, before: results.slice(0, -1) });
}

/**
 * Group commit. Writes that arrive while the event loop is busy share one transaction, so one
 * disk sync serves many submissions, and rows for the same table share one INSERT, so the
 * database parses one statement instead of hundreds. Each caller is answered only after the
 * commit that holds its rows. If a shared transaction fails, each job is retried alone, so one
 * bad write cannot take the others down with it — unless the database itself failed (a lock,
 * a full disk, a server away): then every job of that transaction gets the error at once, and
 * the queue carries on with the next ones.
 *
 * One transaction is in flight at a time; what arrives meanwhile forms the next. `waitMs` counts
 * from when a job was queued: a job that could not start within it (the database is stuck) is
 * answered with an error without running, and a running one retries a locked database only
 * until its oldest job's time is up, so nobody waits past it and nothing answered as failed
 * is written later.
 */
export function createWriteQueue(
  client: Client,
  options: { waitMs?: number; observer?: WriteQueueObserver } = {},
): WriteQueue {
  const waitMs = options.waitMs ?? 5000;
  const observer = options.observer;
  let pending: Job[] = [];
  let scheduled = false;
  let running = false;
  let inTransaction = 0;
  let idleWaiters: (() => void)[] = [];

  /** Its callers wait from when each was queued: a locked database is retried no longer than that. */
  const batch = (statements: InStatement[], jobs: readonly Job[]) => {
    if (!hasDeadlines(client)) return client.batch(statements, "write");
    return client.batchBefore(statements, "write", Math.min(...jobs.map((job) => job.queuedAt)) + waitMs);
  };

  async function runAlone(job: Job) {
    try {
      settle(job, await batch(statementsOf(job), [job]));
    } catch (error) {
      job.reject(error);
    }
  }

  async function flush() {
    scheduled = false;
    if (running) return;
    running = true;
    try {
      while (pending.length > 0) {
        const now = Date.now();
        const jobs = pending.filter((job) => now - job.queuedAt <= waitMs);
        for (const late of pending.filter((job) => now - job.queuedAt > waitMs)) {
          const timeout = new DatabaseTimeout(waitMs);
          observer?.expired(timeout);
          late.reject(timeout);
        }
        pending = [];
        if (observer) for (const job of jobs) observer.started(now - job.queuedAt);
        inTransaction = jobs.length;
        if (jobs.length === 1) await runAlone(jobs[0] as Job);
        else if (jobs.length > 1) await runTogether(jobs);
      }
    } finally {
      running = false;
      inTransaction = 0;
      // Also when a run threw: a shutdown waiting for the queue to drain must not wait for its timeout.
      if (pending.length === 0 && !scheduled) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  async function runTogether(jobs: Job[]) {
    // In arrival order: each job's own statements, and a guarded row right after its own
    // `before` (its guard reads the count that `before` wrote, and must not see later ones).
    // Unguarded rows for the same table share one INSERT at the end, chunked.
    const statements: InStatement[] = [];
    const ownResults = new Map<Job, [number, number]>();
    const insertResult = new Map<InsertJob, number>();
    const unguarded: InsertJob[] = [];
    for (const job of jobs) {
      if (job.kind === "insert" && !job.row.key) {
        unguarded.push(job);
        continue;
      }
      const own = job.kind === "write" ? job.statements : (job.row.before ?? []);
      ownResults.set(job, [statements.length, own.length]);
      statements.push(...own);
      if (job.kind === "insert") {
        insertResult.set(job, statements.length);
        statements.push(mergedInsert([job.row]));
      }
    }
    for (const group of Map.groupBy(unguarded, (j) => groupKey(j.row)).values()) {
      for (let i = 0; i < group.length; i += rowsPerStatement) {
        const chunk = group.slice(i, i + rowsPerStatement);
        for (const job of chunk) {
          ownResults.set(job, [statements.length, job.row.before?.length ?? 0]);
          statements.push(...(job.row.before ?? []));
        }
        for (const job of chunk) insertResult.set(job, statements.length);
        statements.push(mergedInsert(chunk.map((j) => j.row)));
      }
    }

    let results: ResultSet[];
    try {
      results = await batch(statements, jobs);
    } catch (error) {
      if (isDatabaseFault(error)) for (const job of jobs) job.reject(error);
      else for (const job of jobs) await runAlone(job);
      return;
    }
    for (const job of jobs) {
      const [start, count] = ownResults.get(job) ?? [0, 0];
      const own = results.slice(start, start + count);
      if (job.kind === "write") job.resolve(own);
      else settle(job, [...own, results[insertResult.get(job) ?? -1] as ResultSet]);
    }
  }

  const enqueue = (job: Job) => {
    pending.push(job);
    if (!scheduled) {
      scheduled = true;
      soon(() => void flush());
    }
  };

  return {
    write: (statements) =>
      new Promise((resolve, reject) => enqueue({ kind: "write", statements, resolve, reject, queuedAt: Date.now() })),
    insert: (row) =>
      new Promise((resolve, reject) => enqueue({ kind: "insert", row, resolve, reject, queuedAt: Date.now() })),
    depth: () => pending.length + inTransaction,
    idle: () =>
      !running && !scheduled && pending.length === 0
        ? Promise.resolve()
        : new Promise((resolve) => idleWaiters.push(resolve)),
  };
}
