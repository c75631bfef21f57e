import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const note = (userAgent: string) =>
  spawnSync(process.execPath, ["scripts/install-note.cjs"], {
    env: { ...process.env, npm_config_user_agent: userAgent },
    encoding: "utf8",
  }).stdout;

describe("the first install", () => {
  it("says in one line why npm on an older Node is fine, and keeps npm to errors", () => {
    const said = note("npm/11.19.1 node/v20.20.2 linux x64 workspaces/false");
    expect(said.trim().split("\n")).toHaveLength(1);
    expect(said).toContain("Node v20.20.2");
    expect(said).toContain("Node 24");
    expect(readFileSync(".npmrc", "utf8")).toMatch(/^loglevel=error$/m);
  });

  it("says nothing when npm already runs on Node 24", () => {
    expect(note("npm/11.19.1 node/v24.21.0 linux x64 workspaces/false")).toBe("");
  });
});
