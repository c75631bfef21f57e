import { LibsqlError } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { writeExposition } from "../../functions/app/metrics/exposition.ts";
import { isLoopback } from "../../functions/app/metrics/metrics-access.ts";
import { metricsRegistry } from "../../functions/app/metrics/registry.ts";
import { DatabaseTimeout, faultClass } from "../../functions/db/faults.ts";
import { parseExposition, sampleValue } from "../support/prometheus-text.ts";

const exposed = async (registry: ReturnType<typeof metricsRegistry>) => writeExposition(await registry.collect());

describe("the metrics registry and its exposition", () => {
  it("writes counters a Prometheus parser reads back, whatever a label value holds", async () => {
    const registry = metricsRegistry();
    const counter = registry.counter("things_total", "Things.\nCounted \\ here.", ["route"]);
    const tricky = 'a "quoted" \\ back\nslash, comma} and ünïcode';
    counter.inc([tricky], 2);
    counter.inc([tricky]);
    counter.inc(["/plain"]);
    const families = parseExposition(await exposed(registry));
    expect(families.get("things_total")).toMatchObject({ type: "COUNTER", help: "Things.\nCounted \\ here." });
    expect(sampleValue(families, "things_total", { route: tricky })).toBe(3);
    expect(sampleValue(families, "things_total", { route: "/plain" })).toBe(1);
  });

  it("writes a histogram's buckets cumulative up to +Inf, with its sum and count", async () => {
    const registry = metricsRegistry();
    const histogram = registry.histogram("wait_seconds", "Waits.", [], [0.1, 1]);
    for (const value of [0.05, 0.1, 0.5, 3]) histogram.observe([], value);
    const [family] = [...parseExposition(await exposed(registry)).values()];
    expect(family).toEqual({
      name: "wait_seconds",
      help: "Waits.",
      type: "HISTOGRAM",
      metrics: [{ buckets: { "0.1": "2", "1": "3", "+Inf": "4" }, count: "4", sum: "3.65" }],
    });
  });

  it("puts a histogram's own labels before le on every bucket line", async () => {
    const registry = metricsRegistry();
    registry.histogram("took_seconds", "Took.", ["route"], [1]).observe(["/a"], 2);
    expect((await exposed(registry)).split("\n")).toEqual([
      "# HELP took_seconds Took.",
      "# TYPE took_seconds histogram",
      'took_seconds_bucket{route="/a",le="1"} 0',
      'took_seconds_bucket{route="/a",le="+Inf"} 1',
      'took_seconds_sum{route="/a"} 2',
      'took_seconds_count{route="/a"} 1',
      "",
    ]);
  });

  it("reads a watched value when scraped, and leaves it out while its source is away", async () => {
    const registry = metricsRegistry();
    let reading: number | undefined = 3;
    registry.watch("depth", "Depth.", () => reading);
    registry.watch("refusals_total", "Refusals.", async () => 7, "counter");
    expect(sampleValue(parseExposition(await exposed(registry)), "depth")).toBe(3);
    reading = undefined;
    const families = parseExposition(await exposed(registry));
    expect(families.get("depth")?.metrics).toEqual([]);
    expect(families.get("refusals_total")).toMatchObject({ type: "COUNTER", metrics: [{ value: "7" }] });
  });

  it("refuses a name Prometheus would not read, a name used twice, an le label and buckets out of order", () => {
    const registry = metricsRegistry();
    expect(() => registry.counter("2bad", "x")).toThrow(/metric name/);
    expect(() => registry.counter("ok_total", "x", ["bad-label"])).toThrow(/label name/);
    registry.counter("once_total", "x");
    expect(() => registry.counter("once_total", "x")).toThrow(/twice/);
    expect(() => registry.histogram("h", "x", ["le"], [1])).toThrow(/le/);
    expect(() => registry.histogram("h2", "x", [], [1, 1])).toThrow(/increase/);
  });
});

describe("database fault classes", () => {
  it("names each fault by what an operator would do about it", () => {
    const sqlite = (code: string) => new LibsqlError("x", code);
    expect(faultClass(sqlite("SQLITE_BUSY"))).toBe("busy");
    expect(faultClass(sqlite("SQLITE_FULL"))).toBe("disk_full");
    expect(faultClass(sqlite("SQLITE_IOERR"))).toBe("io_error");
    expect(faultClass(sqlite("SQLITE_READONLY"))).toBe("read_only");
    expect(faultClass(new DatabaseTimeout(5000))).toBe("timeout");
    expect(faultClass(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toBe("unreachable");
    expect(faultClass(new Error("wrapped", { cause: sqlite("SQLITE_FULL") }))).toBe("disk_full");
    expect(faultClass(new Error("no code at all"))).toBe("other");
  });
});

describe("loopback addresses", () => {
  it("knows this machine's addresses in every form a socket reports, and nothing else", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1", "[::1]"])
      expect(isLoopback(address), address).toBe(true);
    for (const address of ["10.0.0.1", "128.0.0.1", "::2", "1::1", "::ffff:10.0.0.1", "unknown", "127.0.0.1.nip.io"])
      expect(isLoopback(address), address).toBe(false);
  });
});
