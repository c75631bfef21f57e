import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSources, isBuildStale, newestMtime } from "../../scripts/lib/build-freshness.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { parseBuildOptions } from "../../src/config/build-options.ts";

describe("build options", () => {
  it("builds the public site into dist by default", () => {
    expect(parseBuildOptions({})).toMatchObject({ audience: "public", outDir: "dist", contentDir: "./content" });
  });

  it("builds the internal site into dist-internal, with a cache of its own", () => {
    const internal = parseBuildOptions({ HELP_AUDIENCE: "internal" });
    expect(internal.outDir).toBe("dist-internal");
    expect(internal.cacheDir).not.toBe(parseBuildOptions({}).cacheDir);
  });

  it("puts both builds under another root when asked", () => {
    expect(parseBuildOptions({ HELP_BUILD_ROOT: "/tmp/x", HELP_AUDIENCE: "internal" }).outDir).toBe(
      "/tmp/x/dist-internal",
    );
  });

  it("explains a wrong audience instead of building the wrong site", () => {
    expect(() => parseBuildOptions({ HELP_AUDIENCE: "staff" })).toThrow(/Invalid build environment: HELP_AUDIENCE/);
  });
});

describe("build freshness", () => {
  it("is stale when an output is missing or older than a source, fresh otherwise", () => {
    const dir = scratchDir("freshness");
    const source = join(dir, "topic.mdx");
    const output = join(dir, "stamp");
    writeFileSync(source, "x");
    expect(isBuildStale([output], newestMtime([dir]))).toBe(true);
    writeFileSync(output, "built");
    utimesSync(source, new Date("2026-01-01"), new Date("2026-01-01"));
    expect(isBuildStale([output], newestMtime([source]))).toBe(false);
    utimesSync(source, new Date(), new Date(Date.now() + 60_000));
    expect(isBuildStale([output], newestMtime([source]))).toBe(true);
  });

  it("watches the content, the site code and the lock file", () => {
    expect(buildSources).toEqual(expect.arrayContaining(["content", "src", "package-lock.json"]));
  });
});
