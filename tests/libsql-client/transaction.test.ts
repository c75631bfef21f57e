import { describe, expect, test } from "vitest";
import { serveThisFile, withClient } from "./support.ts";

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
});
