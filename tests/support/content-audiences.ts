import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { internalBlocks, normalize, withoutInternalBlocks, wordRuns } from "./site-text.ts";

const contentDir = "content";

function readTree(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ending))
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"));
}

/**
 * Splits the project's own sources into what the public may read and what only employees may:
 * internal blocks, internal-only topics and the internal banner, in every language (translations
 * sit in `topics/<lang>/`, read with the originals). Derived from the sources, so a new internal
 * paragraph or translation is covered without touching the tests.
 */
export function contentByAudience() {
  const topics = readTree(join(contentDir, "topics"), ".mdx");
  const isInternalTopic = (source: string) => /^audience:\s*internal\s*$/m.test(source.split(/^---$/m)[1] ?? "");
  const banner = JSON.parse(readFileSync(join(contentDir, "internal-banner.json"), "utf8")) as { text: string };
  // The brand file is public but for its escalation contacts, which only internal topics show, in
  // every language it gives them in.
  type Contacts = { label: string; detail: string; href?: string }[];
  const brandFile = JSON.parse(readFileSync(join(contentDir, "brand.json"), "utf8")) as {
    internalContacts: Contacts;
    translations?: Record<string, { internalContacts?: Contacts }>;
  };
  const { internalContacts: ownContacts, translations = {}, ...publicBrand } = brandFile;
  const publicTranslations = Object.values(translations).map(({ internalContacts: _, ...words }) => words);
  const internalContacts = [
    ...ownContacts,
    ...Object.values(translations).flatMap((words) => words.internalContacts ?? []),
  ];

  // Owners are the writers' business: in every topic's front matter, never in a public file.
  const ownerLine = /^owner:\s*(.+)$/m;
  const owners = topics.flatMap((t) => ownerLine.exec(t)?.[1] ?? []);
  const withoutOwner = (source: string) => source.replace(ownerLine, "");
  const internalTexts = [
    ...owners,
    ...topics.filter(isInternalTopic),
    ...topics.filter((t) => !isInternalTopic(t)).flatMap(internalBlocks),
    banner.text,
    ...internalContacts.map((contact) => `${contact.label} ${contact.detail} ${contact.href ?? ""}`),
  ];
  const publicText = normalize(
    [
      ...topics.filter((t) => !isInternalTopic(t)).map((t) => withoutInternalBlocks(withoutOwner(t))),
      ...readTree(join(contentDir, "pages"), ".mdx"),
      ...readTree(join(contentDir, "alerts"), ".md"),
      // The brand file (names, contact options, links) is on every public page.
      JSON.stringify(publicBrand),
      JSON.stringify(publicTranslations),
      // The site's own wording (navigation, labels, messages, every language's catalogue) is public too.
      ...readTree("src", ".json"),
      ...readTree("src", ".astro"),
      ...readTree("src", ".ts"),
      ...readTree("src", ".tsx"),
    ].join("\n"),
  );

  /** Five-word runs of internal text that no public source contains. */
  const secretRuns = [...new Set(internalTexts.flatMap((t) => wordRuns(t, 5)))].filter(
    (run) => !publicText.includes(run),
  );
  /** Words of internal text that no public source uses, e.g. "letterhead". */
  const publicWords = new Set(publicText.split(" "));
  const secretWords = [...new Set(normalize(internalTexts.join(" ")).split(" "))].filter(
    (w) => w.length >= 5 && !/^\d+$/.test(w) && !publicWords.has(w),
  );
  return { secretRuns, secretWords };
}
