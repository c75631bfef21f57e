import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generateContent } from "../../scripts/generate-topics.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

it("builds the generated topics bench:site measures, with every site-wide file they need", () => {
  const root = scratchDir("generated-content");
  try {
    const contentDir = join(root, "content");
    generateContent(contentDir, 3);
    const result = spawnSync(process.execPath, [join("node_modules", "astro", "bin", "astro.mjs"), "build"], {
      env: { ...process.env, HELP_CONTENT_DIR: contentDir, HELP_BUILD_ROOT: root, NO_COLOR: "1" },
      encoding: "utf8",
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(existsSync(join(root, "dist", "topics", "topic-2", "index.html"))).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
