/**
 * Builds one site's search index on a thread of its own (audience-sites.ts starts it), so the
 * public site's is built while the internal pages render on the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SearchUi } from "../shared/search/search-index.ts";
import { writeSearchIndex } from "./search-index.ts";

const { siteDir, ui } = workerData as { siteDir: string; ui: SearchUi };
parentPort?.postMessage(writeSearchIndex(siteDir, ui));
