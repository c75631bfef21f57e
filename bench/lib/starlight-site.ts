/**
 * The baseline `bench:site -- --baseline starlight` builds against: the same generated topics as a
 * Starlight site (Starlight is a devDependency used only here), the fastest docs theme a team would
 * pick instead of this help center. What a reader of the public site gets is kept: internal-only
 * topics and `<Internal>` blocks are dropped, `<Note>` becomes Starlight's note aside, and the site
 * has a small sidebar and Pagefind on (Starlight's default).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { declaresInternalAudience } from "../../src/lib/audience-plugin.ts";

const config = `import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";

const sidebar = Array.from({ length: 10 }, (_, i) => ({ label: "Topic " + i, link: "/topic-" + i + "/" }));

export default defineConfig({
  site: "http://localhost:4321",
  devToolbar: { enabled: false },
  integrations: [starlight({ title: "Help center", sidebar })],
});
`;

const contentConfig = `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** One of our topics as a Starlight page: its title and description, its body as a public reader sees it. */
export function toStarlightPage(source: string): string | undefined {
  if (declaresInternalAudience(source)) return undefined;
  const head = frontMatter.exec(source);
  if (!head) throw new Error("A topic without front matter");
  const keep = (head[1] ?? "").split("\n").filter((line) => /^(title|description):/.test(line));
  const body = source
    .slice(head[0].length)
    .replace(/<Internal>[\s\S]*?<\/Internal>\n?/g, "")
    .replace(/<Note>([\s\S]*?)<\/Note>/g, "\n:::note\n$1\n:::\n");
  return `---\n${keep.join("\n")}\n---\n${body}`;
}

/** Writes a Starlight project in `root` holding the topics of `contentDir` (a generated content folder). */
export function writeStarlightSite(contentDir: string, root: string): number {
  const docs = join(root, "src", "content", "docs");
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(root, "astro.config.mjs"), config);
  writeFileSync(join(root, "src", "content.config.ts"), contentConfig);
  let pages = 0;
  for (const name of readdirSync(join(contentDir, "topics"))) {
    const page = toStarlightPage(readFileSync(join(contentDir, "topics", name), "utf8"));
    if (page === undefined) continue;
    writeFileSync(join(docs, name), page);
    pages++;
  }
  writeFileSync(
    join(docs, "index.mdx"),
    "---\ntitle: Help center\ndescription: Help topics.\n---\n\nHow can we help?\n",
  );
  return pages;
}
