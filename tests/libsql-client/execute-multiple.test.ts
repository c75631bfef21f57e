import { describe, expect, test } from "vitest";
import { serveThisFile, withClient } from "./support.ts";

serveThisFile();

describe("executeMultiple()", () => {
  test(
    "multiple statements",
    withClient(async (c) => {
      await c.executeMultiple(`
            DROP TABLE IF EXISTS t;
            CREATE TABLE t (a);
            INSERT INTO t VALUES (1), (2), (4), (8);
        `);

      const rs = await c.execute("SELECT SUM(a) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(15);
    }),
  );

  test(
    "after an error, statements are not executed",
    withClient(async (c) => {
      await expect(
        c.executeMultiple(`
            DROP TABLE IF EXISTS t;
            CREATE TABLE t (a);
            INSERT INTO t VALUES (1), (2), (4);
            INSERT INTO t VALUES (foo());
            INSERT INTO t VALUES (8), (16);
        `),
      ).rejects.toBeLibsqlError();

      const rs = await c.execute("SELECT SUM(a) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(7);
    }),
  );

  test(
    "manual transaction control statements",
    withClient(async (c) => {
      await c.executeMultiple(`
            DROP TABLE IF EXISTS t;
            CREATE TABLE t (a);
            BEGIN;
            INSERT INTO t VALUES (1), (2), (4);
            INSERT INTO t VALUES (8), (16);
            COMMIT;
        `);

      const rs = await c.execute("SELECT SUM(a) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(31);
    }),
  );

  test(
    "error rolls back a manual transaction",
    withClient(async (c) => {
      await expect(
        c.executeMultiple(`
            DROP TABLE IF EXISTS t;
            CREATE TABLE t (a);
            INSERT INTO t VALUES (0);
            BEGIN;
            INSERT INTO t VALUES (1), (2), (4);
            INSERT INTO t VALUES (foo());
            INSERT INTO t VALUES (8), (16);
            COMMIT;
        `),
      ).rejects.toBeLibsqlError();

      const rs = await c.execute("SELECT SUM(a) FROM t");
      expect(rs.rows[0]?.[0]).toStrictEqual(0);
    }),
  );
});
