/**
 * Writes a content folder with N generated topics shaped like the seed topic (steps, notes,
 * Internal blocks, related links, some internal-only topics), plus the project's own pages,
 * alerts and banner. Used by the build benchmark, which may declare more of the project's
 * languages and translate a share of the topics into each.
 *   node scripts/generate-topics.ts OUT_DIR [COUNT]
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const categories = ["Security and sign-in", "Billing", "Installation", "Data exchange", "Reports", "Users and roles"];
const verbs = ["configure", "export", "import", "reset", "review", "schedule", "approve", "archive"];
const things = ["client portal", "staff account", "tax return", "invoice batch", "audit log", "backup", "report set"];

function topicSource(index: number, count: number): string {
  const verb = verbs[index % verbs.length];
  const thing = things[index % things.length];
  const internalOnly = index % 20 === 19;
  const related = [1, 2, 3]
    .map((step) => (index + step * 7) % count)
    .filter((other) => other !== index && other % 20 !== 19)
    .map((other) => `  - topic-${other}`);
  const internalBlock =
    index % 3 === 0
      ? `\n<Internal>\nStaff note ${index}: escalate ${thing} cases to the second-line queue after two failed attempts.\n</Internal>\n`
      : "";
  return `---
title: "How to ${verb} the ${thing} (${index})"
description: Steps to ${verb} the ${thing} for a firm or a single user, with the checks to do first.
category: ${categories[index % categories.length]}
updated: 2026-${String((index % 12) + 1).padStart(2, "0")}-15
${internalOnly ? "audience: internal\n" : ""}keywords: [${verb}, ${thing}]
related:
${related.length > 0 ? related.join("\n") : "  []"}
---

Use this procedure when you need to ${verb} the ${thing}. Administrators can do it for any user;
other users can do it only for their own account.

<Note>If you do not see these options, your account does not have access to this area.</Note>

## Steps

1. In the **Admin** tab of the navigation pane, do one of the following.
   - Click **Users** in the **NetClient CS** section to work on a client.
   - Click **Users** in the **NetStaff CS** section to work on a staff member.
2. Select the user.
3. In the **Identification** section, click **View Settings** next to the ${thing}.
4. In the dialog that opens, click the link to ${verb} the ${thing}.
5. Confirm, and tell the user what changed.
${internalBlock}
## Good to know

The change takes effect at once. Items changed by mistake can be restored for 24 hours from the
audit log. Topic number ${index} of ${count}.
`.replace("related:\n  []", "related: []");
}

/** A generated topic's translation: the translated words a translation may have, the same body. */
function translationSource(index: number, count: number, lang: string): string {
  const source = topicSource(index, count);
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? "";
  const kept = front
    .split("\n")
    .filter((line) => /^(title|description|updated|keywords|audience):/.test(line))
    .map((line) => (line.startsWith("title:") ? line.replace('title: "', `title: "(${lang}) `) : line));
  return `---\n${kept.join("\n")}\n---\n${source.slice(source.indexOf("\n---\n", 4) + 5)}`;
}

export interface GeneratedLanguages {
  /** How many of the project's languages to declare, the default first. Default: 1. */
  languages?: number;
  /** The share of topics translated into each declared language besides the default. Default: 0. */
  translatedShare?: number;
}

export function generateContent(
  outDir: string,
  count: number,
  { languages = 1, translatedShare = 0 }: GeneratedLanguages = {},
): void {
  const topicsDir = join(outDir, "topics");
  mkdirSync(topicsDir, { recursive: true });
  const declared = JSON.parse(readFileSync(join("content", "languages.json"), "utf8")) as {
    default: string;
    languages: { code: string }[];
  };
  const kept = [
    ...declared.languages.filter((l) => l.code === declared.default),
    ...declared.languages.filter((l) => l.code !== declared.default),
  ].slice(0, languages);
  const others = kept.filter((l) => l.code !== declared.default).map((l) => l.code);
  writeFileSync(join(outDir, "languages.json"), JSON.stringify({ ...declared, languages: kept }, null, 2));
  // The project's header pages and alerts, with their translations into the languages declared here only.
  for (const folder of ["pages", "alerts"]) {
    cpSync(join("content", folder), join(outDir, folder), {
      recursive: true,
      filter: (from) => {
        const inside = from.slice(join("content", folder).length + 1).split(/[\\/]/)[0] ?? "";
        return inside === "" || /\.mdx?$/.test(inside) || others.includes(inside);
      },
    });
  }
  // The site-wide files every build reads; the home page's tasks point at generated topics.
  cpSync(join("content", "internal-banner.json"), join(outDir, "internal-banner.json"));
  type Tasks = { topic: string }[];
  const brand = JSON.parse(readFileSync(join("content", "brand.json"), "utf8")) as {
    tasks: Tasks;
    translations?: Record<string, { tasks?: Tasks }>;
  };
  const generated = (tasks: Tasks) => tasks.map((task, i) => ({ ...task, topic: `topic-${i}` }));
  brand.tasks = generated(brand.tasks);
  // The brand's words in the languages this content declares, their tasks pointing at generated topics too.
  brand.translations = Object.fromEntries(
    Object.entries(brand.translations ?? {})
      .filter(([lang]) => others.includes(lang))
      .map(([lang, words]) => [lang, words.tasks ? { ...words, tasks: generated(words.tasks) } : words]),
  );
  writeFileSync(join(outDir, "brand.json"), JSON.stringify(brand, null, 2));
  for (let i = 0; i < count; i++) writeFileSync(join(topicsDir, `topic-${i}.mdx`), topicSource(i, count));
  const every = translatedShare > 0 ? Math.round(1 / translatedShare) : 0;
  for (const lang of every ? others : []) {
    mkdirSync(join(topicsDir, lang), { recursive: true });
    for (let i = 0; i < count; i += every)
      writeFileSync(join(topicsDir, lang, `topic-${i}.mdx`), translationSource(i, count, lang));
  }
}

if (import.meta.main) {
  const [outDir, count = "1000"] = process.argv.slice(2);
  if (!outDir) {
    console.error("Usage: node scripts/generate-topics.ts OUT_DIR [COUNT]");
    process.exit(2);
  }
  generateContent(outDir, Number(count));
  console.log(`Wrote ${count} topics to ${outDir}`);
}
