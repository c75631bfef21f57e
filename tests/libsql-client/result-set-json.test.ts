import { describe, expect, test } from "vitest";
import { serveThisFile, withClient } from "./support.ts";

serveThisFile();

describe("ResultSet.toJSON()", () => {
  test(
    "simple result set",
    withClient(async (c) => {
      const rs = await c.execute("SELECT 1 AS a");
      const json = rs.toJSON();
      expect(json.lastInsertRowid === null || json.lastInsertRowid === "0").toBe(true);
      expect(json.columns).toStrictEqual(["a"]);
      expect(json.columnTypes).toStrictEqual([""]);
      expect(json.rows).toStrictEqual([[1]]);
      expect(json.rowsAffected).toStrictEqual(0);

      const str = JSON.stringify(rs);
      expect(
        str === '{"columns":["a"],"columnTypes":[""],"rows":[[1]],"rowsAffected":0,"lastInsertRowid":null}' ||
          str === '{"columns":["a"],"columnTypes":[""],"rows":[[1]],"rowsAffected":0,"lastInsertRowid":"0"}',
      ).toBe(true);
    }),
  );

  test(
    "lastInsertRowid",
    withClient(async (c) => {
      await c.execute("DROP TABLE IF EXISTS t");
      await c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY NOT NULL)");
      const rs = await c.execute("INSERT INTO t VALUES (12345)");
      expect(rs.toJSON()).toStrictEqual({
        columns: [],
        columnTypes: [],
        rows: [],
        rowsAffected: 1,
        lastInsertRowid: "12345",
      });
    }),
  );

  test(
    "computed values",
    withClient(async (c) => {
      const rs = await c.execute(
        "SELECT 42 AS integer, 0.5 AS float, NULL AS \"null\", 'foo' AS text, X'626172' AS blob",
      );
      const json = rs.toJSON();
      expect(json.columns).toStrictEqual(["integer", "float", "null", "text", "blob"]);
      expect(json.columnTypes).toStrictEqual(["", "", "", "", ""]);
      expect(json.rows).toStrictEqual([[42, 0.5, null, "foo", "YmFy"]]);
    }),
  );

  test(
    "row values",
    withClient(async (c) => {
      await c.execute("DROP TABLE IF EXISTS t");
      await c.execute("CREATE TABLE t (i INTEGER, f FLOAT, t TEXT, b BLOB)");
      await c.execute("INSERT INTO t VALUES (42, 0.5, 'foo', X'626172')");
      const rs = await c.execute("SELECT i, f, t, b FROM t LIMIT 1");
      const json = rs.toJSON();
      expect(json.columns).toStrictEqual(["i", "f", "t", "b"]);
      expect(json.columnTypes).toStrictEqual(["INTEGER", "FLOAT", "TEXT", "BLOB"]);
      expect(json.rows).toStrictEqual([[42, 0.5, "foo", "YmFy"]]);
    }),
  );

  test(
    "bigint row value",
    withClient(
      async (c) => {
        const rs = await c.execute("SELECT 42");
        const json = rs.toJSON();
        expect(json.rows).toStrictEqual([["42"]]);
      },
      { intMode: "bigint" },
    ),
  );
});
