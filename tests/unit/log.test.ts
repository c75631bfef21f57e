import { describe, expect, it } from "vitest";
import { jsonLogger } from "../../functions/app/lib/log.ts";

describe("the JSON logger", () => {
  const logged = (fields: Record<string, string>) => {
    const lines: string[] = [];
    jsonLogger(
      (line) => lines.push(line),
      () => Date.UTC(2026, 11, 1),
    ).audit("tried", fields);
    return lines;
  };

  it("keeps each entry on one line for every log reader, whatever line breaks a value holds", () => {
    const [line = ""] = logged({ reason: 'x\n{"event":"forged"}\r\u2028\u2029\u0085y' });
    expect(line.split(/\r\n|[\n\r\u2028\u2029\u0085]/)).toHaveLength(1);
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-01T00:00:00.000Z",
      level: "info",
      type: "audit",
      event: "tried",
      reason: 'x\n{"event":"forged"}\r\u2028\u2029\u0085y',
    });
  });

  it("cuts a long value at 500 characters without splitting one", () => {
    const [line = ""] = logged({ reason: "😀".repeat(600) });
    const reason = String(JSON.parse(line).reason);
    expect(reason.isWellFormed()).toBe(true);
    expect([...reason]).toHaveLength(501);
  });

  it("writes an unexpected error with its stack, cut too", () => {
    const lines: string[] = [];
    const error = new Error("x".repeat(2000), { cause: new TypeError("fetch failed") });
    jsonLogger((line) => lines.push(line)).error("unexpected_error", error, { route: "/api/x" });
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ level: "error", type: "error", event: "unexpected_error", route: "/api/x" });
    expect(entry.cause).toBe("TypeError: fetch failed");
    expect(String(entry.error).length).toBeLessThanOrEqual(501);
    expect(String(entry.stack).length).toBeLessThanOrEqual(4001);
  });
});
