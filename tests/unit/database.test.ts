import { join } from "node:path";
import type { Client } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createDb, driverBusyTimeoutMs } from "../../functions/db/client.ts";
import { DatabaseTimeout, isDatabaseFault } from "../../functions/db/faults.ts";
import { migrate, parseMigrations } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { createWriteQueue } from "../../functions/db/write-queue.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const freshDb = () => createDb({ url: `file:${join(scratchDir("db-unit"), "t.db")}`, authToken: undefined });

async function settings(db: Awaited<ReturnType<typeof freshDb>>) {
  const read = async (pragma: string) => Object.values((await db.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0];
  return {
    journal: await read("journal_mode"),
    synchronous: await read("synchronous"),
    busyTimeout: await read("busy_timeout"),
    foreignKeys: await read("foreign_keys"),
  };
}

const expected = { journal: "wal", synchronous: 2, busyTimeout: driverBusyTimeoutMs, foreignKeys: 1 };

describe("the file database", () => {
  it("runs every statement with WAL, FULL sync, a busy timeout and foreign keys", async () => {
    const db = await freshDb();
    expect(await settings(db)).toEqual(expected);
  });

  it("stays closed once closed: a late write is refused, never written on a connection reopened behind the server's back", async () => {
    const db = await freshDb();
    await db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
    db.close();
    for (const value of [1, 2]) {
      await expect(db.execute({ sql: "INSERT INTO t VALUES (?)", args: [value] })).rejects.toMatchObject({
        code: "CLIENT_CLOSED",
      });
    }
  });

  it("keeps those settings on the connection used after transactions, batches and a failed batch", async () => {
    const db = await freshDb();
    await db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO t VALUES (1)");
    await tx.commit();
    await db.batch(["INSERT INTO t VALUES (2)"], "write");
    await expect(db.batch(["INSERT INTO t VALUES (2)"], "write")).rejects.toThrow();
    const concurrent = await Promise.all([settings(db), settings(db), settings(db)]);
    for (const s of concurrent) expect(s).toEqual(expected);
  });
});

describe("migrations", () => {
  it("applies each numbered file once and records it", async () => {
    const db = await freshDb();
    const migrations = readMigrations();
    expect(await migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(db, migrations)).toEqual([]);
    const recorded = await db.execute("SELECT version, name FROM schema_migrations ORDER BY version");
    expect(recorded.rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it("refuses badly named or gapped migration files", () => {
    expect(() => parseMigrations({ "feedback.sql": "" })).toThrow(/named like 0001_/);
    expect(() => parseMigrations({ "0001_a.sql": "", "0003_c.sql": "" })).toThrow(/numbered 1, 2, 3/);
  });

  it("leaves no trace of a migration that fails halfway", async () => {
    const db = await freshDb();
    const broken = parseMigrations({ "0001_half.sql": "CREATE TABLE half (x); THIS IS NOT SQL;" });
    await expect(migrate(db, broken)).rejects.toThrow(/Migration 1 \(half\) failed/);
    expect((await db.execute("SELECT name FROM sqlite_master WHERE name = 'half'")).rows).toHaveLength(0);
    expect((await db.execute("SELECT * FROM schema_migrations")).rows).toHaveLength(0);
  });
});

describe("the write queue", () => {
  it("commits concurrent writes together and answers each with its own results", async () => {
    const db = await freshDb();
    await db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
    const queue = createWriteQueue(db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queue.write([{ sql: "INSERT INTO t VALUES (?) RETURNING x", args: [i] }])),
    );
    expect(results.map((r) => r[0]?.rows[0]?.x)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(50);
  });

  it("does not let one failing write take the others in its transaction down", async () => {
    const db = await freshDb();
    await db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
    const queue = createWriteQueue(db);
    const outcomes = await Promise.allSettled([
      queue.write([{ sql: "INSERT INTO t VALUES (1)", args: [] }]),
      queue.write([{ sql: "INSERT INTO t VALUES (1)", args: [] }]),
      queue.write([{ sql: "INSERT INTO t VALUES (2)", args: [] }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await db.execute("SELECT x FROM t ORDER BY x")).rows.map((r) => r.x)).toEqual([1, 2]);
  });
});

describe("after a database fault", () => {
  const lockedDb = async (waitMs: number) => {
    const file = join(scratchDir("db-fault"), "t.db");
    const db = await createDb({ url: `file:${file}`, authToken: undefined, waitMs });
    await db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
    const other = nodeSqliteClient(`file:${file}`);
    const lock = await other.transaction("write");
    await lock.execute("INSERT INTO t VALUES (1000)");
    const release = async () => {
      await lock.rollback();
      lock.close();
      other.close();
    };
    return { db, release };
  };

  it("keeps the event loop free while it waits for a lock", async () => {
    const { db, release } = await lockedDb(400);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    await expect(db.execute("INSERT INTO t VALUES (1)")).rejects.toThrow(/SQLITE_BUSY/);
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(10);
    await release();
  });

  it("waits for a lock that is released within the wait, and then writes", async () => {
    const { db, release } = await lockedDb(2000);
    setTimeout(() => void release(), 150);
    await db.execute("INSERT INTO t VALUES (7)");
    expect((await db.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual([7]);
  });

  it("writes again on the first try once a lock held past the wait is released", async () => {
    const { db, release } = await lockedDb(100);
    // A batch that returns rows and one that does not: the second used to wedge the connection.
    await expect(db.batch(["INSERT INTO t VALUES (1) RETURNING x", "SELECT * FROM t"], "write")).rejects.toThrow(
      /SQLITE_BUSY/,
    );
    await expect(db.batch(["INSERT INTO t VALUES (2)"], "write")).rejects.toThrow(/SQLITE_BUSY/);
    await release();
    await db.batch(["INSERT INTO t VALUES (3)"], "write");
    await db.execute("INSERT INTO t VALUES (4)");
    expect((await db.execute("SELECT x FROM t ORDER BY x")).rows.map((r) => r.x)).toEqual([3, 4]);
  });

  it("answers every job of the failed transaction with the error at once, and keeps running", async () => {
    const { db, release } = await lockedDb(100);
    const queue = createWriteQueue(db, { waitMs: 100 });
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => queue.write([{ sql: "INSERT INTO t VALUES (?)", args: [i] }])),
    );
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(outcomes.map((o) => (o.status === "rejected" ? isDatabaseFault(o.reason) : false))).not.toContain(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    await release();
    await queue.write([{ sql: "INSERT INTO t VALUES (42)", args: [] }]);
    expect((await db.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual([42]);
  });

  it("answers every queued write within the wait counted from when it was queued, not from when it ran", async () => {
    const waitMs = 600;
    const { db, release } = await lockedDb(waitMs);
    const queue = createWriteQueue(db, { waitMs });
    const timed = async (row: number) => {
      const queuedAt = Date.now();
      const failure = await queue.write([{ sql: "INSERT INTO t VALUES (?)", args: [row] }]).catch((e: unknown) => e);
      return { failure, waited: Date.now() - queuedAt };
    };
    const first = timed(1);
    await new Promise((resolve) => setTimeout(resolve, waitMs / 2));
    // Queued while the first retries the lock: it used to start when the first gave up and wait
    // its whole time again (1.5 × the wait in all).
    const second = timed(2);
    for (const { failure, waited } of await Promise.all([first, second])) {
      expect(String(failure)).toMatch(/SQLITE_BUSY|DatabaseTimeout/);
      // A retry takes the driver's 20 ms plus a 25 ms pause: the ceiling is the wait plus one retry or so.
      expect(waited).toBeLessThan(waitMs + 200);
    }
    await release();
    expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(0);
  });

  it("answers a job that could not start within the wait without ever running it", async () => {
    const { db, release } = await lockedDb(300);
    // A client that cannot be given a deadline (a libSQL server's): the queue's own check remains.
    const withoutDeadlines = { batch: (statements, mode) => db.batch(statements, mode) } as Client;
    const queue = createWriteQueue(withoutDeadlines, { waitMs: 100 });
    const first = queue.write([{ sql: "INSERT INTO t VALUES (1)", args: [] }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = queue.write([{ sql: "INSERT INTO t VALUES (2)", args: [] }]);
    await expect(first).rejects.toThrow(/SQLITE_BUSY/);
    await expect(second).rejects.toBeInstanceOf(DatabaseTimeout);
    await release();
    expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(0);
  });

  it("tells faults (busy, full, read-only, I/O, a server away) from mistakes in our SQL", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SERVER_ERROR"]) {
      expect(isDatabaseFault(Object.assign(new Error(code), { code }))).toBe(true);
    }
    expect(isDatabaseFault(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isDatabaseFault(new DOMException("The operation timed out.", "TimeoutError"))).toBe(true);
    for (const code of ["SQLITE_ERROR", "SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT_PRIMARYKEY"]) {
      expect(isDatabaseFault(Object.assign(new Error(code), { code }))).toBe(false);
    }
    expect(isDatabaseFault(new Error("undefined is not a function"))).toBe(false);
  });
});

describe("housekeeping", () => {
  it("removes rate-limit counters only once their own window has ended, however long it is", async () => {
    const { housekeeping } = await import("../../functions/app/housekeeping.ts");
    const { countHit } = await import("../../functions/app/lib/limiter.ts");
    const db = await freshDb();
    await migrate(db, readMigrations());
    const start = 7000 * 3 * 86400000; // 2027-06-26, where a three-day window begins
    const threeDays = { rule: { max: 5, windowMs: 3 * 86400000 }, bucket: "three-days" };
    const tenMinutes = { rule: { max: 5, windowMs: 600_000 }, bucket: "ten-minutes" };
    await db.batch([countHit(threeDays, start), countHit(tenMinutes, start)], "write");
    const buckets = async () =>
      (await db.execute("SELECT bucket FROM rate_limits ORDER BY bucket")).rows.map((r) => r.bucket);
    expect((await housekeeping(db, start + 2 * 86400000)).windows).toBe(1);
    expect(await buckets()).toEqual(["three-days"]);
    expect((await housekeeping(db, start + 3 * 86400000)).windows).toBe(1);
    expect(await buckets()).toEqual([]);
  });

  it("removes finished rate-limit windows and expired demo sandboxes, and keeps the rest", async () => {
    const { housekeeping } = await import("../../functions/app/housekeeping.ts");
    const db = await freshDb();
    await migrate(db, readMigrations());
    const now = Date.UTC(2026, 10, 29);
    await db.batch(
      [
        {
          // Counters from before windows recorded their end are kept a day.
          sql: "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ('old', ?, 3), ('recent', ?, 1)",
          args: [now - 2 * 86400000, now - 60_000],
        },
        {
          sql: "INSERT INTO demo_sandboxes (id, client_hash, created_at, expires_at) VALUES ('gone', 'h', 0, ?), ('live', 'h', 0, ?)",
          args: [now - 1, now + 1],
        },
      ],
      "write",
    );
    expect(await housekeeping(db, now)).toEqual({
      windows: 1,
      sandboxes: 1,
      feedback: 0,
      searches: 0,
      searchDays: 0,
      ssoAttempts: 0,
      logoutTokens: 0,
      notifications: 0,
    });
    expect((await db.execute("SELECT bucket FROM rate_limits")).rows.map((r) => r.bucket)).toEqual(["recent"]);
    expect((await db.execute("SELECT id FROM demo_sandboxes")).rows.map((r) => r.id)).toEqual(["live"]);
  });
});
