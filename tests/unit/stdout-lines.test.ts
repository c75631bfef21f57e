import { afterEach, describe, expect, it, vi } from "vitest";
import { batchedStdout } from "../../functions/node/stdout-lines.ts";

describe("the Node server's log writer", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes the lines of one turn of the event loop in one write, each on its own line", async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const write = batchedStdout();
    write('{"a":1}');
    write('{"b":2}');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    write('{"c":3}');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n', '{"c":3}\n']);
  });
});
