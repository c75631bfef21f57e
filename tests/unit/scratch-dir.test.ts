import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeScratchDir, removeScratchDirs, scratchDir } from "../../scripts/lib/scratch-dir.ts";

describe("scratch folders", () => {
  afterEach(() => {
    delete process.env.KEEP_SCRATCH;
  });

  it("are removed with what is in them once the tests or the script that made them are done", () => {
    const dir = scratchDir("scratch-test");
    writeFileSync(join(dir, "bench.db"), "rows");
    removeScratchDirs();
    expect(existsSync(dir)).toBe(false);
  });

  it("can be removed one at a time, before the rest", () => {
    const done = scratchDir("scratch-test");
    const other = scratchDir("scratch-test");
    removeScratchDir(done);
    expect([existsSync(done), existsSync(other)]).toEqual([false, true]);
    removeScratchDirs();
    expect(existsSync(other)).toBe(false);
  });

  it("stay to be looked into when KEEP_SCRATCH is set", () => {
    process.env.KEEP_SCRATCH = "1";
    const dir = scratchDir("scratch-test");
    removeScratchDirs();
    expect(existsSync(dir)).toBe(true);
    delete process.env.KEEP_SCRATCH;
    removeScratchDirs();
    expect(existsSync(dir)).toBe(false);
  });
});
