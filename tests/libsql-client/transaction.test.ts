import { describe, expect, test } from "vitest";
import { type Caught, serveThisFile, withClient } from "./support.ts";

serveThisFile();

describe("transaction()", () => {
  test(
    "query multiple rows",
    withClient(async (c) => {
      const txn = await c.transaction("read");

      const rs = await txn.execute("VALUES (1, 'one'), (2, 'two'), (3, 'three')");
      expect(rs.columns.length).toStrictEqual(2);
      expect(rs.columnTypes.length).toStrictEqual(2);
      expect(rs.rows.length).toStrictEqual(3);

      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual([1, "one"]);
      expect(Array.from(rs.rows[1] ?? [])).toStrictEqual([2, "two"]);
      expect(Array.from(rs.rows[2] ?? [])).toStrictEqual([3, "three"]);

      txn.close();
    }),
  );

  test(
    "commit()",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");

      const txn = await c.transaction("write");
      await txn.execute("INSERT INTO t VALUES ('one')");
      await txn.execute("INSERT INTO t VALUES ('two')");
      expect(txn.closed).toStrictEqual(false);
      await txn.commit();
      expect(txn.closed).toStrictEqual(true);

      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(2);
      await expect(txn.execute("SELECT 1")).rejects.toBeLibsqlError("TRANSACTION_CLOSED");
    }),
  );

  test(
    "rollback()",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");

      const txn = await c.transaction("write");
      await txn.execute("INSERT INTO t VALUES ('one')");
      await txn.execute("INSERT INTO t VALUES ('two')");
      expect(txn.closed).toStrictEqual(false);
      await txn.rollback();
      expect(txn.closed).toStrictEqual(true);

      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(0);
      await expect(txn.execute("SELECT 1")).rejects.toBeLibsqlError("TRANSACTION_CLOSED");
    }),
  );

  test(
    "close()",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");

      const txn = await c.transaction("write");
      await txn.execute("INSERT INTO t VALUES ('one')");
      expect(txn.closed).toStrictEqual(false);
      txn.close();
      expect(txn.closed).toStrictEqual(true);

      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(0);
      await expect(txn.execute("SELECT 1")).rejects.toBeLibsqlError("TRANSACTION_CLOSED");
    }),
  );

  test(
    "error does not rollback",
    withClient(async (c) => {
      await c.batch(["DROP TABLE IF EXISTS t", "CREATE TABLE t (a)"], "write");

      const txn = await c.transaction("write");
      await expect(txn.execute("SELECT foo")).rejects.toBeLibsqlError();
      await txn.execute("INSERT INTO t VALUES ('one')");
      await expect(txn.execute("SELECT bar")).rejects.toBeLibsqlError();
      await txn.commit();

      const rs = await c.execute("SELECT COUNT(*) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(1);
    }),
  );

  // Not ported: "ROLLBACK statement stops execution of transaction". It needs Hrana 3 (a batch step's
  // is_autocommit condition), which @libsql/client speaks only over WebSocket: its HTTP client
  // always opens protocol version 2, so the test fails against a real sqld over HTTP too, and
  // upstream skips it for SERVER=sqld.

  // Not ported: "OR ROLLBACK statement stops execution of transaction". It needs Hrana 3 (a batch step's
  // is_autocommit condition), which @libsql/client speaks only over WebSocket: its HTTP client
  // always opens protocol version 2, so the test fails against a real sqld over HTTP too, and
  // upstream skips it for SERVER=sqld.

  // Not ported: "OR ROLLBACK as the first statement stops execution of transaction". It needs Hrana 3 (a batch step's
  // is_autocommit condition), which @libsql/client speaks only over WebSocket: its HTTP client
  // always opens protocol version 2, so the test fails against a real sqld over HTTP too, and
  // upstream skips it for SERVER=sqld.

  test(
    "commit empty",
    withClient(async (c) => {
      const txn = await c.transaction("read");
      await txn.commit();
    }),
  );

  test(
    "rollback empty",
    withClient(async (c) => {
      const txn = await c.transaction("read");
      await txn.rollback();
    }),
  );

  describe("batch()", () => {
    test(
      "as the first operation on transaction",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        await txn.batch([
          "DROP TABLE IF EXISTS t",
          "CREATE TABLE t (a)",
          { sql: "INSERT INTO t VALUES (?)", args: [1] },
          { sql: "INSERT INTO t VALUES (?)", args: [2] },
          { sql: "INSERT INTO t VALUES (?)", args: [4] },
        ]);

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(7);
        txn.close();
      }),
    );

    test(
      "as the second operation on transaction",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        await txn.execute("DROP TABLE IF EXISTS t");
        await txn.batch([
          "CREATE TABLE t (a)",
          { sql: "INSERT INTO t VALUES (?)", args: [1] },
          { sql: "INSERT INTO t VALUES (?)", args: [2] },
          { sql: "INSERT INTO t VALUES (?)", args: [4] },
        ]);

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(7);
        txn.close();
      }),
    );

    test(
      "after error, further statements are not executed",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        await expect(
          txn.batch([
            "DROP TABLE IF EXISTS t",
            "CREATE TABLE t (a UNIQUE)",
            "INSERT INTO t VALUES (1), (2), (4)",
            "INSERT INTO t VALUES (1)",
            "INSERT INTO t VALUES (8), (16)",
          ]),
        ).rejects.toBeLibsqlError();

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(7);

        await txn.commit();
      }),
    );

    test(
      "batch error reports statement index in transaction",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        try {
          await txn.batch([
            "DROP TABLE IF EXISTS t",
            "CREATE TABLE t (a UNIQUE)",
            "INSERT INTO t VALUES (1), (2), (3)",
            "INSERT INTO t VALUES (1)", // Duplicate, will fail at index 3
            "INSERT INTO t VALUES (4), (5)",
          ]);
          throw new Error("Expected batch to fail");
        } catch (caught) {
          const e = caught as Caught;
          expect(e.name).toBe("LibsqlBatchError");
          expect(e.statementIndex).toBe(3);
          expect(e.code).toBeDefined();
        }

        // Transaction should still be usable after batch error
        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toBe(6);

        await txn.commit();
      }),
    );

    test(
      "batch error reports statement index - error at first statement in transaction",
      withClient(async (c) => {
        const txn = await c.transaction("read");

        try {
          await txn.batch(["SELECT invalid_column", "SELECT 1", "SELECT 2"]);
          throw new Error("Expected batch to fail");
        } catch (caught) {
          const e = caught as Caught;
          expect(e.name).toBe("LibsqlBatchError");
          expect(e.statementIndex).toBe(0);
          expect(e.code).toBeDefined();
        }

        txn.close();
      }),
    );

    test(
      "batch error reports statement index - error at middle statement in transaction",
      withClient(async (c) => {
        const txn = await c.transaction("read");

        try {
          await txn.batch(["SELECT 1", "SELECT 2", "SELECT invalid_column", "SELECT 3"]);
          throw new Error("Expected batch to fail");
        } catch (caught) {
          const e = caught as Caught;
          expect(e.name).toBe("LibsqlBatchError");
          expect(e.statementIndex).toBe(2);
          expect(e.code).toBeDefined();
        }

        txn.close();
      }),
    );
  });

  describe("executeMultiple()", () => {
    test(
      "as the first operation on transaction",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        await txn.executeMultiple(`
                DROP TABLE IF EXISTS t;
                CREATE TABLE t (a);
                INSERT INTO t VALUES (1), (2), (4), (8);
            `);

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(15);
        txn.close();
      }),
    );

    test(
      "as the second operation on transaction",
      withClient(async (c) => {
        const txn = await c.transaction("write");
        await txn.execute("DROP TABLE IF EXISTS t");
        await txn.executeMultiple(`
                CREATE TABLE t (a);
                INSERT INTO t VALUES (1), (2), (4), (8);
            `);

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(15);
        txn.close();
      }),
    );

    test(
      "after error, further statements are not executed",
      withClient(async (c) => {
        const txn = await c.transaction("write");

        await expect(
          txn.executeMultiple(`
                DROP TABLE IF EXISTS t;
                CREATE TABLE t (a UNIQUE);
                INSERT INTO t VALUES (1), (2), (4);
                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (8), (16);
            `),
        ).rejects.toBeLibsqlError();

        const rs = await txn.execute("SELECT SUM(a) FROM t");
        expect(rs.rows[0]?.[0]).toStrictEqual(7);

        await txn.commit();
      }),
    );
  });
});
