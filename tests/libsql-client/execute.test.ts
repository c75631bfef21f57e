import { describe, expect, test } from "vitest";
import { serveThisFile, withClient, withInMemoryClient } from "./support.ts";

serveThisFile();

describe("execute()", () => {
  test(
    "query a single value",
    withClient(async (c) => {
      const rs = await c.execute("SELECT 42");
      expect(rs.columns.length).toStrictEqual(1);
      expect(rs.columnTypes.length).toStrictEqual(1);
      expect(rs.rows.length).toStrictEqual(1);
      expect(rs.rows[0]?.length).toStrictEqual(1);
      expect(rs.rows[0]?.[0]).toStrictEqual(42);
    }),
  );

  test(
    "query a single row",
    withClient(async (c) => {
      const rs = await c.execute("SELECT 1 AS one, 'two' AS two, 0.5 AS three");
      expect(rs.columns).toStrictEqual(["one", "two", "three"]);
      expect(rs.columnTypes).toStrictEqual(["", "", ""]);
      expect(rs.rows.length).toStrictEqual(1);

      const r = rs.rows[0];
      expect(r?.length).toStrictEqual(3);
      expect(Array.from(r ?? [])).toStrictEqual([1, "two", 0.5]);
      expect(Object.entries(r ?? {})).toStrictEqual([
        ["one", 1],
        ["two", "two"],
        ["three", 0.5],
      ]);
    }),
  );

  test(
    "query multiple rows",
    withClient(async (c) => {
      const rs = await c.execute("VALUES (1, 'one'), (2, 'two'), (3, 'three')");
      expect(rs.columns.length).toStrictEqual(2);
      expect(rs.columnTypes.length).toStrictEqual(2);
      expect(rs.rows.length).toStrictEqual(3);

      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual([1, "one"]);
      expect(Array.from(rs.rows[1] ?? [])).toStrictEqual([2, "two"]);
      expect(Array.from(rs.rows[2] ?? [])).toStrictEqual([3, "three"]);
    }),
  );

  test(
    "statement that produces error",
    withClient(async (c) => {
      await expect(c.execute("SELECT foobar")).rejects.toBeLibsqlError();
    }),
  );

  test(
    "rowsAffected with INSERT",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");
      const rs = await c.execute("INSERT INTO t VALUES (1), (2)");
      expect(rs.rowsAffected).toStrictEqual(2);
    }),
  );

  test(
    "rowsAffected with DELETE",
    withClient(async (c) => {
      await c.batch(
        ["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)", "INSERT INTO t VALUES (1), (2), (3), (4), (5)"],
        "write",
      );
      const rs = await c.execute("DELETE FROM t WHERE a >= 3");
      expect(rs.rowsAffected).toStrictEqual(3);
    }),
  );

  test(
    "lastInsertRowid with INSERT",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)", "INSERT INTO t VALUES ('one'), ('two')"], "write");
      const insertRs = await c.execute("INSERT INTO t VALUES ('three')");
      expect(insertRs.lastInsertRowid).not.toBeUndefined();
      const selectRs = await c.execute({
        sql: "SELECT a FROM t WHERE ROWID = ?",
        args: [insertRs.lastInsertRowid as bigint],
      });
      expect(Array.from(selectRs.rows[0] ?? [])).toStrictEqual(["three"]);
    }),
  );

  test(
    "rows from INSERT RETURNING",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");

      const rs = await c.execute("INSERT INTO t VALUES (1) RETURNING 42 AS x, 'foo' AS y");
      expect(rs.columns).toStrictEqual(["x", "y"]);
      expect(rs.columnTypes).toStrictEqual(["", ""]);
      expect(rs.rows.length).toStrictEqual(1);
      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual([42, "foo"]);
    }),
  );

  test(
    "rowsAffected with WITH INSERT",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)", "INSERT INTO t VALUES (1), (2), (3)"], "write");

      const rs = await c.execute(`
            WITH x(a) AS (SELECT 2*a FROM t)
            INSERT INTO t SELECT a+1 FROM x
        `);
      expect(rs.rowsAffected).toStrictEqual(3);
    }),
  );

  test(
    "query a single value using an in memory database",
    withInMemoryClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)", "INSERT INTO t VALUES ('one'), ('two')"], "write");
      const insertRs = await c.execute("INSERT INTO t VALUES ('three')");
      expect(insertRs.lastInsertRowid).not.toBeUndefined();
      const selectRs = await c.execute({
        sql: "SELECT a FROM t WHERE ROWID = ?",
        args: [insertRs.lastInsertRowid as bigint],
      });
      expect(Array.from(selectRs.rows[0] ?? [])).toStrictEqual(["three"]);
    }),
  );

  // see issue https://github.com/tursodatabase/libsql/issues/1411
  test(
    "execute transaction against in memory database with shared cache",
    withClient(
      async (c) => {
        await c.execute("CREATE TABLE t (a)");
        const transaction = await c.transaction();
        transaction.close();
        await c.execute("SELECT * FROM t");
      },
      { url: "file::memory:?cache=shared" },
    ),
  );
  // Not ported: "execute transaction against in memory database with private cache" and "… with
  // default cache". They test the client's own in-memory database, not a server, and assert
  // 0.17's behaviour (the transaction kept the connection, so the client opened a second, empty
  // database), which @libsql/client 0.18.0 replaced on purpose: an in-memory database is now
  // one connection, given back when the transaction closes (lib-esm/sqlite3.js). Upstream does
  // not await the assertion, so under Jest they pass without checking it; Vitest checks it.
});
