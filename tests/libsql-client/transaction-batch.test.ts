import { describe, expect, test } from "vitest";
import { type Caught, serveThisFile, withClient } from "./support.ts";

serveThisFile();

// The `describe("transaction()")` block of upstream continued: batches and executeMultiple() in a transaction.
describe("transaction()", () => {
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
