import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const astroBin = join("node_modules", "astro", "bin", "astro.mjs");

/** Builds the public site from a copy of content/ with one file changed; returns the build's output. */
function buildWithTopic(file: string, edit: (source: string) => string) {
  return buildWithContent(join("topics", file), edit);
}

function buildWithContent(file: string, edit: (source: string) => string) {
  const root = scratchDir("content-error");
  const contentDir = join(root, "content");
  cpSync("content", contentDir, { recursive: true });
  const path = join(contentDir, file);
  // A file the content does not have yet (a new translation) starts empty.
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, edit(existsSync(path) ? readFileSync(path, "utf8") : ""));
  const result = spawnSync(process.execPath, [astroBin, "build"], {
    env: { ...process.env, HELP_CONTENT_DIR: contentDir, HELP_BUILD_ROOT: root, NO_COLOR: "1" },
    encoding: "utf8",
  });
  rmSync(root, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("an author's mistake fails the build with a message naming file and field", () => {
  it("fails on a related link to a topic that does not exist", () => {
    const { status, output } = buildWithTopic("temporary-login-code.mdx", (s) =>
      s.replace("  - application-security-overview", "  - no-such-topic"),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('temporary-login-code.mdx: related[0]: no topic "no-such-topic" exists');
  });

  it("fails on a front-matter field with a wrong value", () => {
    const { status, output } = buildWithTopic("multi-factor-authentication-overview.mdx", (s) =>
      s.replace("updated: 2026-09-30", "updated: someday"),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/multi-factor-authentication-overview[\s\S]*updated/);
  });

  it("fails on a bad value in the brand file, naming the field", () => {
    const { status, output } = buildWithContent("brand.json", (s) =>
      s.replace('"accent": "#0b5cad"', '"accent": "blue"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain("brand.json: colors.accent: use a colour like #0b5cad");
  });

  it("fails on a brand translation for a language the site does not declare, or with a bad value, naming both", () => {
    const { status, output } = buildWithContent("brand.json", (s) =>
      s.replace('"es": {', '"fr": {').replace('"https://www.example.com/de/privacy"', '"privacy"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain("brand.json: translations.de.footerLinks.0.href:");
    const language = buildWithContent("brand.json", (s) => s.replace('"es": {', '"fr": {'));
    expect(language.status).not.toBe(0);
    expect(language.output).toContain('content/brand.json: translations.fr: "fr" is not a declared language');
  });

  it("fails on a home-page task that sends readers to a topic the public cannot see, naming the task", () => {
    const { status, output } = buildWithContent("brand.json", (s) =>
      s.replace('"topic": "cannot-sign-in"', '"topic": "internal-admin-temporary-code"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `brand.json: tasks: no published topic for "Can't sign in?" → internal-admin-temporary-code`,
    );
  });

  it("fails on a “Who this is for” line that links to a heading the topic does not have", () => {
    const { status, output } = buildWithTopic("temporary-login-code.mdx", (s) =>
      s.replace('section: "#generate-a-temporary-code"', 'section: "#no-such-heading"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      'topics/temporary-login-code.mdx: readers: "Are you an administrator?" links to #no-such-heading',
    );
  });

  it("fails on a language declared with the wrong direction, naming the field", () => {
    const { status, output } = buildWithContent("languages.json", (s) =>
      s.replace('"name": "العربية", "dir": "rtl"', '"name": "العربية", "dir": "ltr"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain("languages.json: languages.3.dir: ar is written rtl, not ltr");
  });

  it("fails on a translation in a folder that is no declared language, naming the file", () => {
    const { status, output } = buildWithContent("topics/fr/add-a-user.mdx", () =>
      readFileSync("content/topics/de/multi-factor-authentication-overview.mdx", "utf8"),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/topics\/fr\/add-a-user\.mdx: "fr" is not a language to translate into/);
  });
});
