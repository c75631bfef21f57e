import { statSync } from "node:fs";
import { join } from "node:path";
import { type Client, createClient, LibsqlBatchError } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const opened: Client[] = [];
const fileUrl = () => `file:${join(scratchDir("node-sqlite"), "t.db")}`;
const open = (url = fileUrl()) => {
  const client = nodeSqliteClient(url, ["PRAGMA journal_mode = WAL", "PRAGMA busy_timeout = 10"]);
  opened.push(client);
  return client;
};
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

const schema = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, data BLOB)";

describe("the embedded database on node:sqlite", () => {
  it("answers every kind of statement exactly as @libsql/client's file driver does", async () => {
    const ours = open();
    const theirs = createClient({ url: fileUrl() });
    opened.push(theirs);
    const script = async (db: Client) => [
      await db.execute(schema),
      await db.execute({ sql: "INSERT INTO t (name, score, data) VALUES (?, ?, ?)", args: ["a", 1.5, null] }),
      await db.execute({
        sql: "INSERT INTO t (name, score) VALUES (:name, :score) RETURNING id, name",
        args: { name: "b", score: 2 },
      }),
      await db.execute({ sql: "UPDATE t SET score = score + ? WHERE score > ?", args: [1, 0] }),
      await db.execute("SELECT id, name, score, score * 2 AS doubled, NULL AS missing FROM t ORDER BY id"),
      ...(await db.batch(
        [{ sql: "SELECT count(*) AS n FROM t", args: [] }, "SELECT name FROM t WHERE id = 2"],
        "read",
      )),
    ];
    const [mine, reference] = [await script(ours), await script(theirs)];
    expect(mine.map((r) => r.toJSON())).toEqual(reference.map((r) => r.toJSON()));
    const row = mine[4]?.rows[0];
    expect([row?.name, row?.[1], row?.length, Object.keys(row ?? {})]).toEqual([
      "a",
      "a",
      5,
      ["id", "name", "score", "doubled", "missing"],
    ]);
  });

  it("gives blobs back as ArrayBuffers and takes booleans as 1 and 0", async () => {
    const db = open();
    await db.execute(schema);
    await db.execute({
      sql: "INSERT INTO t (name, score, data) VALUES (?, ?, ?)",
      args: ["x", true, new Uint8Array([1, 2, 3])],
    });
    const { rows } = await db.execute("SELECT score, data FROM t");
    expect(rows[0]?.score).toBe(1);
    expect(new Uint8Array(rows[0]?.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    await expect(db.execute({ sql: "SELECT ?", args: [undefined as never] })).rejects.toThrow(/undefined/);
  });

  it("names errors as @libsql/client does, so faults and mistakes are told apart", async () => {
    const db = open();
    await db.execute(schema);
    await expect(db.execute("SELEC 1")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    await db.execute("INSERT INTO t (name) VALUES ('same')");
    await expect(db.execute("INSERT INTO t (name) VALUES ('same')")).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
      rawCode: 2067,
    });
    db.close();
    await expect(db.execute("SELECT 1")).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
  });

  it("meets a write lock held by another connection with SQLITE_BUSY, and writes once it is gone", async () => {
    const url = fileUrl();
    const db = open(url);
    await db.execute(schema);
    const other = open(url);
    const lock = await other.transaction("write");
    await lock.execute("INSERT INTO t (name) VALUES ('held')");
    await expect(db.execute("INSERT INTO t (name) VALUES ('mine')")).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    await lock.rollback();
    await db.execute("INSERT INTO t (name) VALUES ('mine')");
    expect((await db.execute("SELECT name FROM t")).rows.map((r) => r.name)).toEqual(["mine"]);
  });

  it("keeps other calls out of a transaction until it settles", async () => {
    const db = open();
    await db.execute(schema);
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO t (name) VALUES ('in the transaction')");
    const outside = db.execute("INSERT INTO t (name) VALUES ('outside')");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tx.rollback();
    await outside;
    expect(tx.closed).toBe(true);
    expect((await db.execute("SELECT name FROM t")).rows.map((r) => r.name)).toEqual(["outside"]);
  });

  it("rolls a failing batch back whole and says which statement failed", async () => {
    const db = open();
    await db.execute(schema);
    const failing = db.batch(
      ["INSERT INTO t (name) VALUES ('first')", "INSERT INTO t (name) VALUES ('first')", "SELECT 1"],
      "write",
    );
    await expect(failing).rejects.toBeInstanceOf(LibsqlBatchError);
    await expect(failing).rejects.toMatchObject({ statementIndex: 1, code: "SQLITE_CONSTRAINT" });
    expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(0);
    await db.batch(["INSERT INTO t (name) VALUES ('after')"], "write");
    expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]?.n).toBe(1);
  });

  it("gives back the memory of every statement it runs (the libSQL driver kept 3.6 KB each)", async () => {
    const db = open();
    await db.execute(schema);
    const query = (i: number) =>
      db.execute({
        sql: `SELECT ? AS i, count(*) AS n, json_group_array(name) AS names FROM t WHERE id > ${i % 50}`,
        args: [i],
      });
    for (let i = 0; i < 2_000; i++) await query(i);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 20_000; i++) await query(i);
    const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    // 20,000 statements: about 70 MB with @libsql/client's file driver, a few MB here.
    expect(grownMb).toBeLessThan(25);
  });

  it("checkpoints the WAL on a thread of its own when asked, never in a request's commit", async () => {
    const url = fileUrl();
    const db = nodeSqliteClient(url, ["PRAGMA journal_mode = WAL"], { backgroundCheckpoints: true });
    opened.push(db);
    expect((await db.execute("PRAGMA wal_autocheckpoint")).rows[0]?.[0]).toBe(0);
    await db.execute(schema);
    const file = url.slice("file:".length);
    const before = statSync(file).size;
    for (let i = 0; i < 20; i++) {
      const rows = Array.from({ length: 100 }, (_, j) => `('row ${i}-${j}', '${"x".repeat(1000)}')`);
      await db.execute(`INSERT INTO t (name, data) VALUES ${rows.join(", ")}`);
    }
    // The serving connection left 2,000 rows in the WAL; the checkpoint thread moves them, maybe in
    // several passes (one may have run while the rows were still being written), so wait for all.
    const moved = () => statSync(file).size > before + 1_000_000;
    for (let waited = 0; !moved() && waited < 5_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
  });

  it("answers correctly after more different statements than it keeps prepared", async () => {
    const db = open();
    const answers = [];
    for (let i = 0; i < 1_200; i++)
      answers.push((await db.execute({ sql: `SELECT ${i} + ? AS n`, args: [1] })).rows[0]?.n);
    expect(answers).toEqual(Array.from({ length: 1_200 }, (_, i) => i + 1));
    expect((await db.execute({ sql: "SELECT 0 + ? AS n", args: [41] })).rows[0]?.n).toBe(41);
  });

  it("lets calls that waited for one transaction run outside the next one", async () => {
    const db = open();
    await db.execute(schema);
    const first = await db.transaction("write");
    const second = db.transaction("write");
    const outside = db.execute("INSERT INTO t (name) VALUES ('outside')");
    await first.commit();
    const tx = await second;
    await tx.execute("INSERT INTO t (name) VALUES ('rolled back')");
    await tx.rollback();
    await outside;
    expect((await db.execute("SELECT name FROM t")).rows.map((r) => r.name)).toEqual(["outside"]);
  });

  it("gives the connection back without a transaction open when a COMMIT fails", async () => {
    const url = fileUrl();
    const db = nodeSqliteClient(url, ["PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON"]);
    opened.push(db);
    await db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    await db.execute(
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
    );
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO child (parent) VALUES (42)");
    await expect(tx.commit()).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    await db.execute("INSERT INTO parent (id) VALUES (7)");
    const other = open(url);
    expect((await other.execute("SELECT id FROM parent")).rows.map((r) => r.id)).toEqual([7]);
    expect((await other.execute("SELECT count(*) AS n FROM child")).rows[0]?.n).toBe(0);
  });

  it("answers calls waiting for a transaction with CLIENT_CLOSED when the client closes", async () => {
    const db = open();
    await db.execute(schema);
    await db.transaction("write");
    const waiting = db.execute("SELECT 1");
    db.close();
    await expect(waiting).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
  });
});
