import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

let endpoint: LibsqlHttpServer;

beforeAll(async () => {
  endpoint = await startLibsqlHttpServer(join(scratchDir("endpoint"), "e.db"));
});
afterAll(() => endpoint.close());

describe("the local libSQL endpoint, spoken to by @libsql/client/web", () => {
  it("runs the migrations in interactive transactions held by batons", async () => {
    const db = createClient({ url: endpoint.url });
    expect(await migrate(db, readMigrations())).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(db, readMigrations())).toEqual([]);
    db.close();
  });

  it("keeps value types and answers batches as transactions, rolled back whole when a step fails", async () => {
    const db = createClient({ url: endpoint.url });
    await db.executeMultiple(
      "CREATE TABLE kinds (i INTEGER, f REAL, t TEXT, b BLOB, n); CREATE TABLE one (x PRIMARY KEY);",
    );
    await db.execute({
      sql: "INSERT INTO kinds VALUES (?, ?, ?, ?, ?)",
      args: [42, 1.5, "text", new Uint8Array([1, 2]), null],
    });
    const row = (await db.execute("SELECT * FROM kinds")).rows[0];
    expect([row?.i, row?.f, row?.t, row?.n]).toEqual([42, 1.5, "text", null]);
    expect([...new Uint8Array(row?.b as ArrayBuffer)]).toEqual([1, 2]);
    const [inserted] = await db.batch([{ sql: "INSERT INTO one VALUES (?) RETURNING x", args: ["a"] }], "write");
    expect(inserted?.rows[0]?.x).toBe("a");
    await expect(db.batch(["INSERT INTO one VALUES ('b')", "INSERT INTO one VALUES ('a')"], "write")).rejects.toThrow(
      /UNIQUE/,
    );
    expect((await db.execute("SELECT x FROM one ORDER BY x")).rows.map((r) => r.x)).toEqual(["a"]);
    db.close();
  });
});

describe("the local libSQL endpoint answers as sqld does", () => {
  const client = () => createClient({ url: endpoint.url });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: "none", message: "it succeeded" }),
      (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
    );

  it("binds a lone blob or a lone null argument, and goes on serving", async () => {
    const db = client();
    const blob = (await db.execute({ sql: "SELECT ?", args: [new Uint8Array([7, 8, 9])] })).rows[0]?.[0];
    expect([...new Uint8Array(blob as ArrayBuffer)]).toEqual([7, 8, 9]);
    expect((await db.execute({ sql: "SELECT ? IS NULL", args: [null] })).rows[0]?.[0]).toBe(1);
    expect((await db.execute("SELECT 42")).rows[0]?.[0]).toBe(42);
    db.close();
  });

  it("rolls back a transaction whose stream is closed, so the next writer gets the lock at once", async () => {
    const db = client();
    await db.execute("CREATE TABLE closing (x)");
    const abandoned = await db.transaction("write");
    await abandoned.execute("INSERT INTO closing VALUES ('never committed')");
    abandoned.close();
    const started = Date.now();
    await db.execute("INSERT INTO closing VALUES ('written')");
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await db.execute("SELECT x FROM closing")).rows.map((r) => r.x)).toEqual(["written"]);
    db.close();
  });

  it("names a failed constraint by SQLite's base code, and SQL that does not compile as an input error", async () => {
    const db = client();
    await db.execute("CREATE TABLE keyed (k PRIMARY KEY)");
    await db.execute("INSERT INTO keyed VALUES (1)");
    expect(await failure(db.execute("INSERT INTO keyed VALUES (1)"))).toEqual({
      code: "SQLITE_CONSTRAINT",
      message: "SQLITE_CONSTRAINT: SQLite error: UNIQUE constraint failed: keyed.k",
    });
    expect(await failure(db.execute("SELECT nothing_here"))).toEqual({
      code: "SQL_INPUT_ERROR",
      message: "SQL_INPUT_ERROR: SQL input error: no such column: nothing_here",
    });
    db.close();
  });

  it("reports rows affected and the last insert rowid for writes, RETURNING ones included, and neither for reads", async () => {
    const db = client();
    await db.execute("CREATE TABLE counted (id INTEGER PRIMARY KEY, n)");
    const inserted = await db.execute("INSERT INTO counted (n) VALUES (1), (2) RETURNING id");
    expect([inserted.rowsAffected, inserted.lastInsertRowid, inserted.rows.length]).toEqual([2, 2n, 2]);
    const updated = await db.execute("UPDATE counted SET n = n + 1 RETURNING n");
    expect([updated.rowsAffected, updated.lastInsertRowid]).toEqual([2, undefined]);
    const read = await db.execute("SELECT * FROM counted");
    expect([read.rowsAffected, read.lastInsertRowid]).toEqual([0, undefined]);
    const plain = await db.execute("INSERT INTO counted (n) VALUES (3)");
    expect([plain.rowsAffected, plain.lastInsertRowid]).toEqual([1, 3n]);
    db.close();
  });

  it("refuses arguments that do not match the statement's parameters instead of binding NULL or dropping them", async () => {
    const db = client();
    expect((await failure(db.execute({ sql: "SELECT ?", args: [1, 2] }))).code).toBe("ARGS_INVALID");
    expect((await failure(db.execute({ sql: "SELECT ?, ?", args: [1] }))).code).toBe("ARGS_INVALID");
    expect((await failure(db.execute({ sql: "SELECT :a, :b", args: { a: 1 } }))).code).toBe("ARGS_INVALID");
    const row = (await db.execute({ sql: "SELECT :a, $b", args: { ":a": 1, b: 2 } })).rows[0];
    expect([row?.[0], row?.[1]]).toEqual([1, 2]);
    db.close();
  });

  it("runs exactly one statement per execute, a trigger with its body counting as one", async () => {
    const db = client();
    expect(await failure(db.execute("SELECT 1; SELECT 2"))).toMatchObject({ code: "SQL_MANY_STATEMENTS" });
    expect(await failure(db.execute(" -- nothing to run\n"))).toMatchObject({ code: "SQL_NO_STATEMENT" });
    await db.execute("CREATE TABLE logged (x)");
    await db.execute("CREATE TABLE log (y)");
    await db.execute(
      "CREATE TRIGGER logging AFTER INSERT ON logged BEGIN INSERT INTO log VALUES (CASE WHEN new.x > 0 THEN 'up' END); END",
    );
    await db.execute("INSERT INTO logged VALUES (1)");
    expect((await db.execute("SELECT y FROM log")).rows.map((r) => r.y)).toEqual(["up"]);
    db.close();
  });
});
