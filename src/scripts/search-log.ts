/**
 * Search insight from the reader's side: each search that settles (the reader stopped typing)
 * and the result opened next are kept in memory and sent as one batch when the page is left.
 * Nothing is kept or sent when the browser asks not to be tracked (the server checks too).
 */
import type { Found } from "./search-core.ts";

interface LoggedSearch {
  query: string;
  /** Topics with every meaningful word: 0 when only some words were found. */
  results: number;
  /** Topics with only some of the words were shown. */
  partial?: boolean;
  /** The words the results shown were for, when the search corrected the reader's. */
  corrected?: string;
  opened?: string;
}

const settleMs = 1500;
const maxBatch = 20;

const declined = () =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true ||
  navigator.doNotTrack === "1";

const pending: LoggedSearch[] = [];
let current: LoggedSearch | undefined;
let settle: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function commit() {
  clearTimeout(settle);
  if (current && pending.length < maxBatch) pending.push(current);
  current = undefined;
}

function flush() {
  commit();
  if (pending.length === 0) return;
  const body = JSON.stringify({ searches: pending.splice(0) });
  // Searches count in the page's language, the index they ran on, named in the address as a form names it.
  const lang = encodeURIComponent(document.documentElement.lang);
  navigator.sendBeacon(`/api/searches?lang=${lang}`, new Blob([body], { type: "application/json" }));
}

/** What a search found, as it is recorded (see LoggedSearch). */
export function recordOf(found: Found): Pick<LoggedSearch, "results" | "partial" | "corrected"> | undefined {
  if (found.kind !== "results") return undefined;
  return {
    results: found.match === "all" ? found.total : 0,
    ...(found.match === "some" ? { partial: true } : {}),
    ...(found.correctedFrom ? { corrected: found.searched } : {}),
  };
}

/** A search whose results are on screen; it counts once the reader pauses on it. */
export function logSearch(query: string, found: Found): void {
  const record = recordOf(found);
  if (!record) return;
  if (declined() || query.trim() === "") return;
  if (!listening) {
    listening = true;
    addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  }
  clearTimeout(settle);
  current = { query, ...record };
  settle = setTimeout(commit, settleMs);
}

/** The reader opened a result of the search on screen: it counts now, with that result. */
export function logOpened(url: string): void {
  if (!current) return;
  current.opened = new URL(url, location.href).pathname;
  commit();
}

/** The header box handed the search to the search page, which counts it there: not twice. */
export function handedOver(query: string): void {
  clearTimeout(settle);
  current = undefined;
  const index = pending.findIndex((search) => search.query === query);
  if (index >= 0) pending.splice(index, 1);
}
