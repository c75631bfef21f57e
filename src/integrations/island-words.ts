import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { islandNamespaces, islandWordsPath } from "../islands/island-words.ts";
import { translator } from "../lib/i18n.ts";
import type { Language } from "../shared/i18n/languages.ts";

/** Writes each island's words in each language where the islands fetch them (src/islands/island-words.ts). */
export function writeIslandWords(siteDir: string, languages: readonly Language[]): void {
  for (const { code } of languages) {
    const { m } = translator(code);
    for (const namespace of islandNamespaces) {
      const file = join(siteDir, islandWordsPath(code, namespace));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(m[namespace]));
    }
  }
}
