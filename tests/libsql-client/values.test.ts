import type * as libsql from "@libsql/client";
import { describe, expect, test } from "vitest";
import { serveThisFile, withClient } from "./support.ts";

serveThisFile();

describe("values", () => {
  function testRoundtrip(name: string, passed: libsql.InValue, expected: libsql.Value, intMode?: libsql.IntMode): void {
    test(
      name,
      withClient(
        async (c) => {
          const rs = await c.execute({
            sql: "SELECT ?",
            args: [passed],
          });
          expect(rs.rows[0]?.[0]).toStrictEqual(expected);
        },
        { intMode },
      ),
    );
  }

  function testRoundtripError(
    name: string,
    passed: libsql.InValue,
    expectedError: unknown,
    intMode?: libsql.IntMode,
  ): void {
    test(
      name,
      withClient(
        async (c) => {
          await expect(
            c.execute({
              sql: "SELECT ?",
              args: [passed],
            }),
          ).rejects.toBeInstanceOf(expectedError);
        },
        { intMode },
      ),
    );
  }

  testRoundtrip("string", "boomerang", "boomerang");
  testRoundtrip("string with weird characters", "a\n\r\t ", "a\n\r\t ");
  testRoundtrip("string with unicode", "žluťoučký kůň úpěl ďábelské ódy", "žluťoučký kůň úpěl ďábelské ódy");

  describe("number", () => {
    const intModes: Array<libsql.IntMode> = ["number", "bigint", "string"];
    for (const intMode of intModes) {
      testRoundtrip("zero", 0, 0, intMode);
      testRoundtrip("integer", -2023, -2023, intMode);
      testRoundtrip("float", 12.345, 12.345, intMode);
      testRoundtrip("large positive float", 1e18, 1e18, intMode);
      testRoundtrip("large negative float", -1e18, -1e18, intMode);
      testRoundtrip("MAX_VALUE", Number.MAX_VALUE, Number.MAX_VALUE, intMode);
      testRoundtrip("-MAX_VALUE", -Number.MAX_VALUE, -Number.MAX_VALUE, intMode);
      testRoundtrip("MIN_VALUE", Number.MIN_VALUE, Number.MIN_VALUE, intMode);
    }
  });

  describe("bigint", () => {
    describe("'number' int mode", () => {
      testRoundtrip("zero integer", 0n, 0, "number");
      testRoundtrip("small integer", -42n, -42, "number");
      testRoundtrip("largest safe integer", 9007199254740991n, 9007199254740991, "number");
      testRoundtripError("smallest unsafe integer", 9007199254740992n, RangeError, "number");
      testRoundtripError("large unsafe integer", -1152921504594532842n, RangeError, "number");
    });

    describe("'bigint' int mode", () => {
      testRoundtrip("zero integer", 0n, 0n, "bigint");
      testRoundtrip("small integer", -42n, -42n, "bigint");
      testRoundtrip("large positive integer", 1152921504608088318n, 1152921504608088318n, "bigint");
      testRoundtrip("large negative integer", -1152921504594532842n, -1152921504594532842n, "bigint");
      testRoundtrip("largest positive integer", 9223372036854775807n, 9223372036854775807n, "bigint");
      testRoundtrip("largest negative integer", -9223372036854775808n, -9223372036854775808n, "bigint");
    });

    describe("'string' int mode", () => {
      testRoundtrip("zero integer", 0n, "0", "string");
      testRoundtrip("small integer", -42n, "-42", "string");
      testRoundtrip("large positive integer", 1152921504608088318n, "1152921504608088318", "string");
      testRoundtrip("large negative integer", -1152921504594532842n, "-1152921504594532842", "string");
      testRoundtrip("largest positive integer", 9223372036854775807n, "9223372036854775807", "string");
      testRoundtrip("largest negative integer", -9223372036854775808n, "-9223372036854775808", "string");
    });
  });

  const buf = new ArrayBuffer(256);
  const array = new Uint8Array(buf);
  for (let i = 0; i < 256; ++i) {
    array[i] = i ^ 0xab;
  }
  testRoundtrip("ArrayBuffer", buf, buf);
  testRoundtrip("Uint8Array", array, buf);

  testRoundtrip("null", null, null);
  testRoundtrip("true", true, 1n, "bigint");
  testRoundtrip("false", false, 0n, "bigint");
  testRoundtrip("true", true, 1, "number");
  testRoundtrip("false", false, 0, "number");
  testRoundtrip("true", true, "1", "string");
  testRoundtrip("false", false, "0", "string");
  testRoundtrip("true", true, 1);
  testRoundtrip("false", false, 0);

  testRoundtrip("Date", new Date("2023-01-02T12:34:56Z"), 1672662896000, "bigint");

  // @ts-expect-error
  testRoundtripError("undefined produces error", undefined, TypeError);
  testRoundtripError("NaN produces error", NaN, RangeError);
  testRoundtripError("Infinity produces error", Infinity, RangeError);
  testRoundtripError("large bigint produces error", -1267650600228229401496703205376n, RangeError);

  test(
    "max 64-bit bigint",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?||''",
        args: [9223372036854775807n],
      });
      expect(rs.rows[0]?.[0]).toStrictEqual("9223372036854775807");
    }),
  );

  test(
    "min 64-bit bigint",
    withClient(async (c) => {
      const rs = await c.execute({
        sql: "SELECT ?||''",
        args: [-9223372036854775808n],
      });
      expect(rs.rows[0]?.[0]).toStrictEqual("-9223372036854775808");
    }),
  );
});
