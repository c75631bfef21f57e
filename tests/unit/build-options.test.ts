import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSources, isBuildStale, newestMtime, writeBuildStamp } from "../../scripts/lib/build-freshness.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { parseBuildOptions } from "../../src/config/build-options.ts";

describe("build options", () => {
  it("builds both sites in one pass by default, the public one into dist and the internal one into dist-internal", () => {
    expect(parseBuildOptions({})).toMatchObject({
      audiences: ["public", "internal"],
      outDirs: { public: "dist", internal: "dist-internal" },
      contentDir: "./content",
    });
  });

  it("builds only the sites asked for, always in the same order", () => {
    expect(parseBuildOptions({ HELP_AUDIENCES: "public" }).audiences).toEqual(["public"]);
    expect(parseBuildOptions({ HELP_AUDIENCES: "internal, public" }).audiences).toEqual(["public", "internal"]);
  });

  it("puts both sites and the build's own output under another root when asked", () => {
    const options = parseBuildOptions({ HELP_BUILD_ROOT: "/tmp/x" });
    expect(options.outDirs.internal).toBe("/tmp/x/dist-internal");
    expect(options.stagingDir.startsWith("/tmp/x/")).toBe(true);
    expect(options.cacheDir.startsWith("/tmp/x/")).toBe(true);
  });

  it("explains a wrong audience instead of building the wrong site", () => {
    expect(() => parseBuildOptions({ HELP_AUDIENCES: "public,staff" })).toThrow(
      /Invalid build environment: HELP_AUDIENCES/,
    );
  });
});

describe("build freshness", () => {
  /** A project of its own in a scratch folder: its sources, and its sites built once. */
  function builtProject() {
    const root = scratchDir("freshness");
    const options = parseBuildOptions({ HELP_BUILD_ROOT: root, HELP_CONTENT_DIR: join(root, "content") });
    for (const dir of ["src", "public", join("content", "topics")]) mkdirSync(join(root, dir), { recursive: true });
    const sources = ["src/page.astro", "content/topics/topic.mdx", "astro.config.mjs", "package-lock.json"];
    const past = new Date(Date.now() - 60_000);
    for (const file of sources) {
      writeFileSync(join(root, file), "x");
      utimesSync(join(root, file), past, past);
    }
    for (const dir of Object.values(options.outDirs)) mkdirSync(dir, { recursive: true });
    writeBuildStamp(options);
    const isStale = (env: Record<string, string> = {}) => {
      const now = parseBuildOptions({ HELP_BUILD_ROOT: root, HELP_CONTENT_DIR: join(root, "content"), ...env });
      return isBuildStale(now, newestMtime(buildSources(now, root)));
    };
    return { root, options, isStale };
  }

  it("is fresh right after a build", () => {
    expect(builtProject().isStale()).toBe(false);
  });

  it("is stale after a change to a topic, the site's code or its configuration file", () => {
    for (const file of ["content/topics/topic.mdx", "src/page.astro", "astro.config.mjs", "package-lock.json"]) {
      const { root, isStale } = builtProject();
      writeFileSync(join(root, file), "changed");
      utimesSync(join(root, file), new Date(), new Date(Date.now() + 1_000));
      expect(isStale(), file).toBe(true);
    }
  });

  it("is stale when built for another site address or another content folder", () => {
    const { root, isStale } = builtProject();
    expect(isStale({ SITE_URL: "https://help.example.com" })).toBe(true);
    expect(isStale({ HELP_CONTENT_DIR: join(root, "other-content") })).toBe(true);
  });

  it("is stale when a site or its stamp is missing", () => {
    const { options, isStale } = builtProject();
    rmSync(options.outDirs.internal, { recursive: true });
    expect(isStale()).toBe(true);
  });
});
