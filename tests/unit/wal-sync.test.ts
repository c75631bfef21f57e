import { join } from "node:path";
import type { Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseFault } from "../../functions/db/faults.ts";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { walSyncer } from "../../functions/db/wal-sync.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

/** A file sync the test finishes by hand, recording what was synced. */
function heldSyncs() {
  const synced: string[] = [];
  const pending: (() => void)[] = [];
  const syncFile = (path: string) =>
    new Promise<void>((resolve) => {
      synced.push(path);
      pending.push(resolve);
    });
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { synced, syncFile, finishOne };
}

/** Whether `promise` has settled by the time the event loop has turned once. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

const opened: Client[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

function openWithSyncs(syncFile: (path: string) => Promise<void>) {
  const path = join(scratchDir("wal-sync"), "t.db");
  const db = nodeSqliteClient(`file:${path}`, ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"], {
    backgroundSyncs: true,
    syncFile,
  });
  opened.push(db);
  return { db, path };
}

describe("commits synced off the serving thread", () => {
  it("answers a write only once the WAL it went to is on disk", async () => {
    const syncs = heldSyncs();
    const { db, path } = openWithSyncs(syncs.syncFile);
    expect((await db.execute("PRAGMA synchronous")).rows[0]?.[0]).toBe(1); // NORMAL: the sync is ours
    const creating = db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    expect(await settledSoon(creating)).toBe(false);
    expect(syncs.synced).toEqual([`${path}-wal`]);
    await syncs.finishOne();
    await creating;

    const inserting = db.execute("INSERT INTO t (name) VALUES ('a') RETURNING id");
    expect(await settledSoon(inserting)).toBe(false);
    await syncs.finishOne();
    expect((await inserting).rows[0]?.id).toBe(1);
  });

  it("syncs after every kind of write, and never for a read", async () => {
    let count = 0;
    const { db } = openWithSyncs(async () => {
      count++;
    });
    const syncsFor = async (call: () => Promise<unknown>) => {
      const before = count;
      await call();
      return count - before;
    };
    expect(await syncsFor(() => db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"))).toBe(1);
    expect(await syncsFor(() => db.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["a"] }))).toBe(1);
    expect(await syncsFor(() => db.execute("UPDATE t SET name = 'b' RETURNING id"))).toBe(1);
    expect(await syncsFor(() => db.batch(["INSERT INTO t (name) VALUES ('c')"], "write"))).toBe(1);
    expect(await syncsFor(() => db.executeMultiple("INSERT INTO t (name) VALUES ('d');"))).toBe(1);
    const transaction = await db.transaction("write");
    await transaction.execute("DELETE FROM t WHERE name = 'd'");
    expect(await syncsFor(() => transaction.commit())).toBe(1);

    expect(await syncsFor(() => db.execute("SELECT * FROM t"))).toBe(0);
    expect(await syncsFor(() => db.execute("WITH x AS (SELECT 1) SELECT * FROM x"))).toBe(0);
    expect(await syncsFor(() => db.batch(["SELECT count(*) FROM t", "SELECT max(id) FROM t"], "read"))).toBe(0);
    expect(await syncsFor(() => db.execute("UPDATE t SET name = 'e' WHERE id = -1 RETURNING id"))).toBe(0);
    const reading = await db.transaction("read");
    await reading.execute("SELECT * FROM t");
    expect(await syncsFor(() => reading.commit())).toBe(0);
    expect((await db.execute("SELECT name FROM t ORDER BY id")).rows.map((r) => r.name)).toEqual(["b", "c"]);
  });

  it("shares one sync among the commits made while another runs, never one that began before them", async () => {
    const syncs = heldSyncs();
    const durable = walSyncer("/data/help.db", syncs.syncFile);
    const first = durable();
    const during = [durable(), durable(), durable()];
    expect(syncs.synced).toHaveLength(1);
    await syncs.finishOne();
    await first;
    expect(await settledSoon(Promise.all(during))).toBe(false);
    expect(syncs.synced).toHaveLength(2);
    await syncs.finishOne();
    await Promise.all(during);
    expect(syncs.synced).toEqual(["/data/help.db-wal", "/data/help.db-wal"]);
  });

  it("answers a failed sync as a database fault, and syncs again for the next commit", async () => {
    let failing = true;
    const durable = walSyncer("/data/help.db", async () => {
      if (failing) throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
    });
    const failure = await durable().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "SQLITE_IOERR" });
    expect(isDatabaseFault(failure)).toBe(true);
    failing = false;
    await expect(durable()).resolves.toBeUndefined();
  });

  it("syncs the database file itself when there is no WAL beside it", async () => {
    const synced: string[] = [];
    const durable = walSyncer("/data/help.db", async (path) => {
      synced.push(path);
      if (path.endsWith("-wal")) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    });
    await durable();
    expect(synced).toEqual(["/data/help.db-wal", "/data/help.db"]);
  });
});
