import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateContent } from "../../scripts/generate-topics.ts";
import { removeScratchDir, scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { readSite } from "../support/site-text.ts";

const topicCount = 6;
/** A word no public source uses, one per topic, written only inside that topic's internal blocks. */
const secretOf = (i: number) => `zanzibarquill${i}`;

/**
 * Every generated topic gets internal text everywhere MDX allows it: a block with a heading of
 * its own (which the page's contents list would show), a list and a link, and an inline block.
 */
function addInternalBlocks(contentDir: string) {
  for (let i = 0; i < topicCount; i++) {
    const file = join(contentDir, "topics", `topic-${i}.mdx`);
    const secret = secretOf(i);
    const source = readFileSync(file, "utf8")
      .replace("## Good to know", `## Good to know\n\nAsk the team <Internal>about ${secret}inline</Internal> first.`)
      .concat(
        `\n<Internal>\n## Escalating ${secret}heading\n\n- Call ${secret}list.\n- See [the ${secret}link notes](https://intranet.example/${secret}path).\n</Internal>\n`,
      );
    writeFileSync(file, source);
  }
}

describe("a build of generated topics with internal blocks in every topic", () => {
  let root = "";
  let output = "";
  let status: number | null = null;

  beforeAll(() => {
    root = scratchDir("generated-content");
    const contentDir = join(root, "content");
    generateContent(contentDir, topicCount);
    addInternalBlocks(contentDir);
    const result = spawnSync(process.execPath, [join("node_modules", "astro", "bin", "astro.mjs"), "build"], {
      env: { ...process.env, HELP_CONTENT_DIR: contentDir, HELP_BUILD_ROOT: root, NO_COLOR: "1" },
      encoding: "utf8",
    });
    status = result.status;
    output = `${result.stdout}${result.stderr}`;
  });

  afterAll(() => removeScratchDir(root));

  it("builds both sites with every site-wide file bench:site measures", () => {
    expect(status, output).toBe(0);
    for (const site of ["dist", "dist-internal"]) {
      expect(existsSync(join(root, site, "topics", "topic-2", "index.html"))).toBe(true);
      expect(existsSync(join(root, site, "search-index.json"))).toBe(true);
      expect(existsSync(join(root, site, "csp-hashes.json"))).toBe(true);
    }
  });

  it("leaves no internal word in any public file, pages, scripts and search indexes included", () => {
    const publicSite = readSite(join(root, "dist"));
    expect(publicSite.some((f) => f.path.startsWith("search-text/"))).toBe(true);
    const leaks = publicSite.flatMap((file) =>
      Array.from({ length: topicCount }, (_, i) => secretOf(i))
        .filter((secret) => file.text.includes(secret))
        .map((secret) => `${file.path}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });

  it("shows every internal block, heading included, on the internal site, and finds it by search there", () => {
    const texts = readSite(join(root, "dist-internal"))
      .filter((file) => file.path.startsWith("search-text/"))
      .map((file) => file.text)
      .join(" ");
    for (let i = 0; i < topicCount; i++) {
      const page = readFileSync(join(root, "dist-internal", "topics", `topic-${i}`, "index.html"), "utf8");
      for (const part of ["inline", "heading", "list", "link"]) {
        expect(page).toContain(`${secretOf(i)}${part}`);
        expect(texts).toContain(`${secretOf(i)}${part}`);
      }
    }
  });

  it("leaves Astro's own output folder behind nowhere: only the two sites remain", () => {
    expect(readdirSync(root).sort()).toEqual([".astro-cache", "content", "dist", "dist-internal"]);
  });
});
