/**
 * Builds one site's search indexes, one per language, on a thread of its own (audience-sites.ts
 * starts it), so the public site's are built while the internal pages render on the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type LanguageIndex, writeSearchIndexes } from "./search-index.ts";

const { siteDir, indexes } = workerData as { siteDir: string; indexes: LanguageIndex[] };
parentPort?.postMessage(writeSearchIndexes(siteDir, indexes));
