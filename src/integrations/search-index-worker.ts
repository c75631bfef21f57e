/**
 * Writes the sites' page texts and search indexes, one per language, on a thread of its own (audience-sites.ts
 * starts it and sends each site as it is finished), so the public site's are built while the
 * internal pages render on the main thread. Answers each site with the number of pages indexed.
 */
import { parentPort } from "node:worker_threads";
import type { PageSearchText } from "./page-text.ts";
import { type LanguageIndex, writeSearchIndexes } from "./search-index.ts";

parentPort?.on(
  "message",
  ({ siteDir, indexes, pages }: { siteDir: string; indexes: LanguageIndex[]; pages: PageSearchText[] }) => {
    parentPort?.postMessage(writeSearchIndexes(siteDir, indexes, pages));
  },
);
