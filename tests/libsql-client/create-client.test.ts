import { createClient } from "@libsql/client";
import { describe, expect, test } from "vitest";
import { config } from "./support.ts";

describe("createClient()", () => {
  test("URL scheme not supported", () => {
    expect(() => createClient({ url: "ftp://localhost" })).toThrow(
      expect.toBeLibsqlError("URL_SCHEME_NOT_SUPPORTED", /"ftp:"/),
    );
  });

  test("URL param not supported", () => {
    expect(() => createClient({ url: "ws://localhost?foo=bar" })).toThrow(
      expect.toBeLibsqlError("URL_PARAM_NOT_SUPPORTED", /"foo"/),
    );
  });

  test("URL scheme incompatible with ?tls", () => {
    const urls = ["ws://localhost?tls=1", "wss://localhost?tls=0", "http://localhost?tls=1", "https://localhost?tls=0"];
    for (const url of urls) {
      expect(() => createClient({ url })).toThrow(expect.toBeLibsqlError("URL_INVALID", /TLS/));
    }
  });

  test("missing port in libsql URL with tls=0", () => {
    expect(() => createClient({ url: "libsql://localhost?tls=0" })).toThrow(
      expect.toBeLibsqlError("URL_INVALID", /port/),
    );
  });

  test("invalid value of tls query param", () => {
    expect(() => createClient({ url: "libsql://localhost?tls=yes" })).toThrow(
      expect.toBeLibsqlError("URL_INVALID", /"tls".*"yes"/),
    );
  });

  test("passing URL instead of config object", () => {
    // @ts-expect-error
    expect(() => createClient("ws://localhost")).toThrow(/as object, got string/);
  });

  test("invalid value for `intMode`", () => {
    // @ts-expect-error
    expect(() => createClient({ ...config, intMode: "foo" })).toThrow(/"foo"/);
  });

  test("supports in-memory database", () => {
    expect(() => createClient({ url: ":memory:" })).not.toThrow();
  });
});
