import { describe, expect, it } from "vitest";
import { type WorkerdConfigOptions, workerdConfig } from "../../scripts/lib/workerd/config.ts";

const options: WorkerdConfigOptions = {
  workerModule: "bundle/worker.js",
  assetsModule: "assets-worker.js",
  assetsDir: "/srv/help/assets",
  assetsSocket: "/srv/help/assets.sock",
  address: "127.0.0.1:8788",
  floorAddress: "127.0.0.1:8789",
  compatibilityDate: "2026-11-17",
  compatibilityFlags: [],
  variables: ["SERVER_SECRET", "LIBSQL_URL"],
};

describe("the plain workerd config bench:edge runs", () => {
  it("binds each variable from workerd's environment, so no secret is written into the file", () => {
    const config = workerdConfig(options);
    expect(config).toContain('(name = "SERVER_SECRET", fromEnvironment = "SERVER_SECRET")');
    expect(config).toContain('(name = "ASSETS", service = "assets")');
    expect(config).toContain('address = "unix:/srv/help/assets.sock"');
    expect(config).toContain('allow = ["local"]');
  });

  it("refuses a variable name workerd cannot bind and a value holding a newline, naming them", () => {
    expect(() => workerdConfig({ ...options, variables: ["NOT A NAME"] })).toThrow(/NOT A NAME/);
    expect(() => workerdConfig({ ...options, assetsDir: "/srv/help\nassets" })).toThrow(/control characters/);
  });
});
