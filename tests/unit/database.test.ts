import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../functions/db/client.ts";
import { migrate, parseMigrations } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { createWriteQueue } from "../../functions/db/write-queue.ts";

const freshDb = () =>
  createDb({ url: `file:${join(mkdtempSync(join(tmpdir(), "db-unit-")), "t.db")}`, authToken: undefined });

async function settings(db: Awaited<ReturnType<typeof freshDb>>) {
  const read = async (pragma: string) => Object.values((await db.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0];
  return {
    journal: await read("journal_mode"),
    synchronous: await read("synchronous"),
    busyTimeout: await read("busy_timeout"),
    foreignKeys: await read("foreign_keys"),
  };
}

const expected = { journal: "wal", synchronous: 2, busyTimeout: 5000, foreignKeys: 1 };

describe("the file database", () => {
  it("runs every statement with WAL, FULL sync, a busy timeout and foreign keys", async () => {
    const db = await freshDb();
    expect(await settings(db)).toEqual(expected);
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

describe("housekeeping", () => {
  it("removes finished rate-limit windows and expired demo sandboxes, and keeps the rest", async () => {
    const { housekeeping } = await import("../../functions/app/housekeeping.ts");
    const db = await freshDb();
    await migrate(db, readMigrations());
    const now = Date.UTC(2026, 10, 29);
    await db.batch(
      [
        {
          sql: "INSERT INTO rate_limits VALUES ('old', ?, 3), ('recent', ?, 1)",
          args: [now - 2 * 86400000, now - 60_000],
        },
        {
          sql: "INSERT INTO demo_sandboxes (id, client_hash, created_at, expires_at) VALUES ('gone', 'h', 0, ?), ('live', 'h', 0, ?)",
          args: [now - 1, now + 1],
        },
      ],
      "write",
    );
    expect(await housekeeping(db, now)).toEqual({ windows: 1, sandboxes: 1 });
    expect((await db.execute("SELECT bucket FROM rate_limits")).rows.map((r) => r.bucket)).toEqual(["recent"]);
    expect((await db.execute("SELECT id FROM demo_sandboxes")).rows.map((r) => r.id)).toEqual(["live"]);
  });
});
