/**
 * Builds one site's search index on a thread of its own (audience-sites.ts starts it), so the
 * public site's is built while the internal pages render on the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeSearchIndex } from "./search-index.ts";

parentPort?.postMessage(writeSearchIndex(String(workerData)));
