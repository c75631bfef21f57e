import type * as libsql from "@libsql/client";
import { describe, expect, test } from "vitest";
import { type Caught, serveThisFile, withClient, withInMemoryClient } from "./support.ts";

serveThisFile();

describe("batch()", () => {
  test(
    "multiple queries",
    withClient(async (c) => {
      const rss = await c.batch(
        [
          "SELECT 1+1",
          "SELECT 1 AS one, 2 AS two",
          { sql: "SELECT ?", args: ["boomerang"] },
          { sql: "VALUES (?), (?)", args: ["big", "ben"] },
        ],
        "read",
      );

      expect(rss.length).toStrictEqual(4);
      const [rs0, rs1, rs2, rs3] = rss;

      expect(rs0?.rows.length).toStrictEqual(1);
      expect(Array.from(rs0?.rows[0] ?? [])).toStrictEqual([2]);

      expect(rs1?.rows.length).toStrictEqual(1);
      expect(Array.from(rs1?.rows[0] ?? [])).toStrictEqual([1, 2]);

      expect(rs2?.rows.length).toStrictEqual(1);
      expect(Array.from(rs2?.rows[0] ?? [])).toStrictEqual(["boomerang"]);

      expect(rs3?.rows.length).toStrictEqual(2);
      expect(Array.from(rs3?.rows[0] ?? [])).toStrictEqual(["big"]);
      expect(Array.from(rs3?.rows[1] ?? [])).toStrictEqual(["ben"]);
    }),
  );

  test(
    "statements are executed sequentially",
    withClient(async (c) => {
      const rss = await c.batch(
        [
          /* 0 */ "DROP TABLE IF EXISTS t",
          /* 1 */ "CREATE TABLE t (a, b)",
          /* 2 */ "INSERT INTO t VALUES (1, 'one')",
          /* 3 */ "SELECT * FROM t ORDER BY a",
          /* 4 */ "INSERT INTO t VALUES (2, 'two')",
          /* 5 */ "SELECT * FROM t ORDER BY a",
          /* 6 */ "DROP TABLE t",
        ],
        "write",
      );

      expect(rss.length).toStrictEqual(7);
      expect(rss[3]?.rows).toEqual([{ a: 1, b: "one" }]);
      expect(rss[5]?.rows).toEqual([
        { a: 1, b: "one" },
        { a: 2, b: "two" },
      ]);
    }),
  );

  test(
    "statements are executed in a transaction",
    withClient(async (c) => {
      await c.batch(
        ["DROP TABLE IF EXISTS t1", "DROP TABLE IF EXISTS t2", "CREATE TABLE t1 (a)", "CREATE TABLE t2 (a)"],
        "write",
      );

      const n = 100;
      const promises = [] as Array<Promise<void>>;
      for (let i = 0; i < n; ++i) {
        const ii = i;
        promises.push(
          (async () => {
            const rss = await c.batch(
              [
                {
                  sql: "INSERT INTO t1 VALUES (?)",
                  args: [ii],
                },
                {
                  sql: "INSERT INTO t2 VALUES (?)",
                  args: [ii * 10],
                },
                "SELECT SUM(a) FROM t1",
                "SELECT SUM(a) FROM t2",
              ],
              "write",
            );

            const sum1 = rss[2]?.rows[0]?.[0] as number;
            const sum2 = rss[3]?.rows[0]?.[0] as number;
            expect(sum2).toStrictEqual(sum1 * 10);
          })(),
        );
      }
      await Promise.all(promises);

      const rs1 = await c.execute("SELECT SUM(a) FROM t1");
      expect(rs1?.rows[0]?.[0]).toStrictEqual((n * (n - 1)) / 2);
      const rs2 = await c.execute("SELECT SUM(a) FROM t2");
      expect(rs2?.rows[0]?.[0]).toStrictEqual(((n * (n - 1)) / 2) * 10);
    }),
    10000,
  );

  test(
    "error in batch",
    withClient(async (c) => {
      await expect(c.batch(["SELECT 1+1", "SELECT foobar"], "read")).rejects.toBeLibsqlError();
    }),
  );

  test(
    "error in batch rolls back transaction",
    withClient(async (c) => {
      await c.execute("DROP TABLE IF EXISTS t");
      await c.execute("CREATE TABLE t (a)");
      await c.execute("INSERT INTO t VALUES ('one')");
      await expect(
        c.batch(["INSERT INTO t VALUES ('two')", "SELECT foobar", "INSERT INTO t VALUES ('three')"], "write"),
      ).rejects.toBeLibsqlError();

      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(1);
    }),
  );

  test(
    "batch error reports statement index - error at index 0",
    withClient(async (c) => {
      try {
        await c.batch(["SELECT invalid_column", "SELECT 1", "SELECT 2"], "read");
        throw new Error("Expected batch to fail");
      } catch (caught) {
        const e = caught as Caught;
        expect(e.name).toBe("LibsqlBatchError");
        expect(e.statementIndex).toBe(0);
        expect(e.code).toBeDefined();
      }
    }),
  );

  test(
    "batch error reports statement index - error at index 1",
    withClient(async (c) => {
      try {
        await c.batch(["SELECT 1", "SELECT invalid_column", "SELECT 2"], "read");
        throw new Error("Expected batch to fail");
      } catch (caught) {
        const e = caught as Caught;
        expect(e.name).toBe("LibsqlBatchError");
        expect(e.statementIndex).toBe(1);
        expect(e.code).toBeDefined();
      }
    }),
  );

  test(
    "batch error reports statement index - error at index 2",
    withClient(async (c) => {
      try {
        await c.batch(["SELECT 1", "SELECT 2", "SELECT invalid_column"], "read");
        throw new Error("Expected batch to fail");
      } catch (caught) {
        const e = caught as Caught;
        expect(e.name).toBe("LibsqlBatchError");
        expect(e.statementIndex).toBe(2);
        expect(e.code).toBeDefined();
      }
    }),
  );

  test(
    "batch error with write mode reports statement index",
    withClient(async (c) => {
      await c.execute("DROP TABLE IF EXISTS t");
      await c.execute("CREATE TABLE t (a UNIQUE)");
      await c.execute("INSERT INTO t VALUES (1)");

      try {
        await c.batch(
          [
            "INSERT INTO t VALUES (2)",
            "INSERT INTO t VALUES (3)",
            "INSERT INTO t VALUES (1)", // Duplicate, will fail
            "INSERT INTO t VALUES (4)",
          ],
          "write",
        );
        throw new Error("Expected batch to fail");
      } catch (caught) {
        const e = caught as Caught;
        expect(e.name).toBe("LibsqlBatchError");
        expect(e.statementIndex).toBe(2);
        expect(e.code).toBeDefined();
      }

      // Verify rollback happened
      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toBe(1);
    }),
  );

  test(
    "batch error in in-memory database reports statement index",
    withInMemoryClient(async (c) => {
      await c.execute("CREATE TABLE t (a)");

      try {
        await c.batch(
          ["INSERT INTO t VALUES (1)", "SELECT invalid_column FROM t", "INSERT INTO t VALUES (2)"],
          "write",
        );
        throw new Error("Expected batch to fail");
      } catch (caught) {
        const e = caught as Caught;
        expect(e.name).toBe("LibsqlBatchError");
        expect(e.statementIndex).toBe(1);
        expect(e.code).toBeDefined();
      }
    }),
  );

  test(
    "batch with a lot of different statements",
    withClient(async (c) => {
      const stmts = [] as Array<libsql.InStatement>;
      for (let i = 0; i < 1000; ++i) {
        stmts.push(`SELECT ${i}`);
      }
      const rss = await c.batch(stmts, "read");
      for (let i = 0; i < stmts.length; ++i) {
        expect(rss[i]?.rows[0]?.[0]).toStrictEqual(i);
      }
    }),
  );

  test(
    "batch with a lot of the same statements",
    withClient(async (c) => {
      const n = 20;
      const m = 200;

      const stmts = [] as Array<libsql.InStatement>;
      for (let i = 0; i < n; ++i) {
        for (let j = 0; j < m; ++j) {
          stmts.push({ sql: `SELECT ?, ${j}`, args: [i] });
        }
      }

      const rss = await c.batch(stmts, "read");
      for (let i = 0; i < n; ++i) {
        for (let j = 0; j < m; ++j) {
          const rs = rss[i * m + j];
          expect(rs?.rows[0]?.[0]).toStrictEqual(i);
          expect(rs?.rows[0]?.[1]).toStrictEqual(j);
        }
      }
    }),
  );

  test(
    "deferred batch",
    withClient(async (c) => {
      const rss = await c.batch(
        ["SELECT 1+1", "DROP TABLE IF EXISTS t", "CREATE TABLE t (a)", "INSERT INTO t VALUES (21) RETURNING 2*a"],
        "deferred",
      );

      expect(rss.length).toStrictEqual(4);
      const [rs0, _rs1, _rs2, rs3] = rss;

      expect(rs0?.rows.length).toStrictEqual(1);
      expect(Array.from(rs0?.rows[0] ?? [])).toStrictEqual([2]);

      expect(rs3?.rows.length).toStrictEqual(1);
      expect(Array.from(rs3?.rows[0] ?? [])).toStrictEqual([42]);
    }),
  );

  // Not ported: "ROLLBACK statement stops execution of batch". It needs Hrana 3 (a batch step's
  // is_autocommit condition), which @libsql/client speaks only over WebSocket: its HTTP client
  // always opens protocol version 2, so the test fails against a real sqld over HTTP too, and
  // upstream skips it for SERVER=sqld.
});
