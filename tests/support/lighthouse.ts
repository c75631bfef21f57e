/**
 * Lighthouse on one page of a running site, for the browser tests and `npm run bench:lighthouse`.
 *
 * Each run has a Chromium of its own (chrome-launcher, headless, with the flags the browser tests
 * use, its profile and temporary files in a scratch folder) and Lighthouse's default
 * configuration: a mid-range phone (412 × 823) on slow 4G with simulated throttling, every category.
 */
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse, { type Artifacts, type Result } from "lighthouse";
import { removeScratchDir, scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { chromiumArgs } from "./chromium.ts";

export interface LighthouseRun {
  lhr: Result;
  artifacts: Artifacts;
  /** The runtime errors of the attempts made before this one (see runLighthouse). */
  retriedAfter: string[];
}

/**
 * Runtime errors Lighthouse reports as its trace recording having failed ("Please run Lighthouse
 * again"), which a busy machine causes now and then: the recording failed, not the page.
 */
const badRecording = new Set(["NO_TRACING_STARTED", "NO_RESOURCE_REQUEST", "NO_NAVSTART", "NO_DCL", "NO_FMP"]);
const attempts = 3;

/** Lighthouse on `url`, tried again (up to 3 attempts in all) only when its recording failed. */
export async function runLighthouse(url: string, chromiumPath: string): Promise<LighthouseRun> {
  const retriedAfter: string[] = [];
  for (;;) {
    const { lhr, artifacts } = await lighthouseInChromium(url, chromiumPath);
    const failure = lhr.runtimeError;
    if (!failure) return { lhr, artifacts, retriedAfter };
    if (!badRecording.has(failure.code) || retriedAfter.length + 1 >= attempts) {
      const earlier = retriedAfter.length ? ` (after ${retriedAfter.join(", ")})` : "";
      throw new Error(`Lighthouse could not measure ${url}: ${failure.code}: ${failure.message}${earlier}`);
    }
    retriedAfter.push(failure.code);
  }
}

/**
 * Chromium makes its singleton socket in TMPDIR, here, and a Unix socket's path holds at most 107
 * bytes: past that it never listens, and Lighthouse meets only a refused connection. (A folder
 * named "lighthouse-chromium" with a "tmp" inside allowed a project path of 15 characters.)
 */
const chromiumSocket = "/.org.chromium.Chromium.XXXXXX/SingletonSocket";
const socketPathBytes = 107;

async function lighthouseInChromium(url: string, chromiumPath: string): Promise<Omit<LighthouseRun, "retriedAfter">> {
  // Its profile and its temporary files in one scratch folder: chrome-launcher ends Chromium
  // with SIGKILL, which leaves Chromium no time to remove what it put in TMPDIR. The folder itself
  // is TMPDIR, under a short name, as Chromium's socket is made there (see chromiumSocket).
  const scratch = join(process.cwd(), scratchDir("chromium"));
  if (Buffer.byteLength(scratch + chromiumSocket) > socketPathBytes) {
    removeScratchDir(scratch);
    throw new Error(
      `Chromium could not make its socket in ${scratch}: the path would pass ${socketPathBytes} bytes. Run from a project folder of at most 30 characters.`,
    );
  }
  const profile = join(scratch, "profile");
  mkdirSync(profile);
  const chromium = await launch({
    chromePath: chromiumPath,
    chromeFlags: ["--headless", ...chromiumArgs],
    userDataDir: profile,
    envVars: { ...process.env, TMPDIR: scratch },
    logLevel: "silent",
  });
  try {
    const run = await lighthouse(url, { port: chromium.port, logLevel: "error" });
    if (!run) throw new Error(`Lighthouse returned no result for ${url}`);
    return { lhr: run.lhr, artifacts: run.artifacts };
  } finally {
    const exited = chromium.process.exitCode === null ? once(chromium.process, "exit") : undefined;
    chromium.kill();
    await exited;
    removeScratchDir(scratch);
  }
}

type Item = Record<string, unknown>;

const isRecord = (value: unknown): value is Item => typeof value === "object" && value !== null;

/** One line for a row of an audit's table: the element, address or source it names, and what it says. */
function describeItem(item: Item): string {
  const parts: string[] = [];
  for (const value of Object.values(item)) {
    if (typeof value === "string" || typeof value === "number") parts.push(String(value));
    else if (isRecord(value) && value.type === "node") {
      const explanation = typeof value.explanation === "string" ? value.explanation.replace(/\s*\n\s*/g, " ") : "";
      parts.push([value.selector, value.snippet, explanation].filter(Boolean).join(" "));
    } else if (isRecord(value) && value.type === "source-location") parts.push(`${value.url}:${value.line}`);
    else if (isRecord(value) && value.type === "url") parts.push(String(value.value));
    else if (isRecord(value) && value.type === "subitems" && Array.isArray(value.items)) {
      parts.push(value.items.filter(isRecord).map(describeItem).join(", "));
    }
  }
  return parts.join(" · ");
}

/**
 * Every audit that keeps one of `categories` below 100: the category, the audit's id and title, and
 * each offending element, address or message (an audit that could not run says why).
 */
export function failingAudits(lhr: Result, categories: readonly string[]): string[] {
  const failing: string[] = [];
  for (const categoryId of categories) {
    const category = lhr.categories[categoryId];
    if (!category) {
      failing.push(`${categoryId}: no such category in the report`);
      continue;
    }
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0) continue;
      if (audit.scoreDisplayMode === "error") {
        failing.push(`${categoryId} › ${audit.id}: ${audit.title} — could not run: ${audit.errorMessage}`);
      } else if (audit.score !== null && audit.score < 1) {
        const details = audit.details as { items?: unknown[] } | undefined;
        const items = (details?.items ?? []).filter(isRecord).map((item) => `\n    ${describeItem(item)}`);
        failing.push(`${categoryId} › ${audit.id}: ${audit.title}${items.join("")}`);
      }
    }
  }
  return failing;
}

interface LayoutShiftData {
  weighted_score_delta: number;
  had_recent_input: boolean;
  impacted_nodes?: { old_rect: number[]; new_rect: number[] }[];
}

const rect = ([x, y, width, height]: number[]) => `${width}×${height} at (${x}, ${y})`;

/**
 * The page's layout shifts, as Lighthouse's `layout-shifts` audit lists them (the elements that
 * moved), or else, when that audit could not run, every shift in the trace: when, by how much, and
 * which rectangles moved, in CSS pixels of the emulated phone (Lighthouse 12.2's trace reader
 * fails on the frame events of newer Chromium, which the `layout-shifts` audit needs). A shift
 * Chromium marks as after an input counts only in the first 500 ms, when Lighthouse's own
 * viewport change is that input.
 */
export function layoutShifts({ lhr, artifacts }: LighthouseRun): string[] {
  const audit = lhr.audits["layout-shifts"];
  const items = (audit?.details as { items?: unknown[] } | undefined)?.items;
  if (items) return items.filter(isRecord).map(describeItem);
  const events = artifacts.Trace.traceEvents;
  const loaderUrl = (event: (typeof events)[number]) =>
    (event.args as { data?: { documentLoaderURL?: string } }).data?.documentLoaderURL ?? "";
  const start = events.filter((event) => event.name === "navigationStart" && /^https?:/.test(loaderUrl(event))).at(-1);
  return events
    .filter((event) => event.name === "LayoutShift")
    .flatMap((event) => {
      const data = (event.args as { data?: LayoutShiftData }).data;
      if (!data) return [];
      const moved = (data.impacted_nodes ?? []).map((node) => `${rect(node.old_rect)} → ${rect(node.new_rect)}`);
      const when = `${((event.ts - (start?.ts ?? event.ts)) / 1000).toFixed(0)} ms`;
      const input = data.had_recent_input ? " (after an input)" : "";
      return [
        `at ${when}${input}, score ${data.weighted_score_delta.toFixed(4)}: ${moved.join(", ") || "no element named"}`,
      ];
    });
}
