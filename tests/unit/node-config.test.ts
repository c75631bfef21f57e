import { describe, expect, it } from "vitest";
import { parseNodeConfig } from "../../functions/node/config.ts";

describe("the Node server's configuration", () => {
  it("collects metrics and allows 10 seconds to shut down unless told otherwise", () => {
    const config = parseNodeConfig({});
    expect(config.metrics).toEqual({ token: undefined });
    expect(config.shutdownTimeoutMs).toBe(10_000);
    const set = parseNodeConfig({ METRICS_TOKEN: "a-token-of-enough-length", SHUTDOWN_TIMEOUT_MS: "2500" });
    expect(set.metrics).toEqual({ token: "a-token-of-enough-length" });
    expect(set.shutdownTimeoutMs).toBe(2500);
    expect(parseNodeConfig({ METRICS: "off", METRICS_TOKEN: "a-token-of-enough-length" }).metrics).toBeUndefined();
  });

  it("refuses a shutdown time or a metrics token it cannot use, naming the variable and what to write", () => {
    const problems = [
      [{ SHUTDOWN_TIMEOUT_MS: "soon" }, "SHUTDOWN_TIMEOUT_MS: use a number of milliseconds, like 10000"],
      [{ SHUTDOWN_TIMEOUT_MS: "1.5" }, "SHUTDOWN_TIMEOUT_MS: use a whole number of milliseconds"],
      [{ SHUTDOWN_TIMEOUT_MS: "10" }, "SHUTDOWN_TIMEOUT_MS: use at least 100 ms"],
      [{ SHUTDOWN_TIMEOUT_MS: "3600000" }, "SHUTDOWN_TIMEOUT_MS: use at most 600000 ms (10 minutes)"],
      [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN: use at least 16 characters"],
      [{ METRICS_TOKEN: "a token with spaces in it" }, "METRICS_TOKEN: no spaces"],
      [{ METRICS: "maybe" }, "METRICS:"],
    ] as const;
    for (const [env, message] of problems) expect(() => parseNodeConfig(env), message).toThrow(message);
  });
});
