import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import startRunTempFolder from "../support/run-temp-folder.ts";

describe("the test run's temporary folder", () => {
  it("is one folder for all the projects, checked and removed when the last one stops", () => {
    const before = tmpdir();
    const stopUnit = startRunTempFolder();
    const runTmp = tmpdir();
    expect(runTmp).toContain(join(".cache", "scratch", "tmp-"));
    const stopApi = startRunTempFolder();
    expect(tmpdir()).toBe(runTmp);
    stopUnit();
    expect(existsSync(runTmp)).toBe(true);
    stopApi();
    expect(existsSync(runTmp)).toBe(false);
    expect(tmpdir()).toBe(before);
  });

  it("fails the run, naming what was left in it, and is removed all the same", () => {
    const before = tmpdir();
    const stop = startRunTempFolder();
    const runTmp = tmpdir();
    const left = mkdtempSync(join(runTmp, "help-center-db-"));
    expect(stop).toThrow(left.slice(runTmp.length + 1));
    expect(existsSync(runTmp)).toBe(false);
    expect(tmpdir()).toBe(before);
  });
});
