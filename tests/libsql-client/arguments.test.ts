import { describe, expect, test } from "vitest";
import { serveThisFile, withClient } from "./support.ts";

serveThisFile();

describe("arguments", () => {
  test(
    "? arguments",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?, ?",
        args: ["one", "two"],
      });
      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["one", "two"]);
    }),
  );

  test(
    "?NNN arguments",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?2, ?3, ?1",
        args: ["one", "two", "three"],
      });
      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["two", "three", "one"]);
    }),
  );

  test(
    "?NNN arguments with holes",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?3, ?1",
        args: ["one", "two", "three"],
      });
      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["three", "one"]);
    }),
  );

  test(
    "?NNN and ? arguments",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?2, ?, ?3",
        args: ["one", "two", "three"],
      });
      expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["two", "three", "three"]);
    }),
  );

  for (const sign of [":", "@", "$"]) {
    test(
      `${sign}AAAA arguments`,
      withClient(async (c) => {
        const rs = await c.execute({
          sql: `SELECT ${sign}b, ${sign}a`,
          args: { a: "one", [`${sign}b`]: "two" },
        });
        expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["two", "one"]);
      }),
    );

    test(
      `${sign}AAAA arguments used multiple times`,
      withClient(async (c) => {
        const rs = await c.execute({
          sql: `SELECT ${sign}b, ${sign}a, ${sign}b || ${sign}a`,
          args: { a: "one", [`${sign}b`]: "two" },
        });
        expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["two", "one", "twoone"]);
      }),
    );

    test(
      `${sign}AAAA arguments and ?NNN arguments`,
      withClient(async (c) => {
        const rs = await c.execute({
          sql: `SELECT ${sign}b, ${sign}a, ?1`,
          args: { a: "one", [`${sign}b`]: "two" },
        });
        expect(Array.from(rs.rows[0] ?? [])).toStrictEqual(["two", "one", "two"]);
      }),
    );
  }
});
