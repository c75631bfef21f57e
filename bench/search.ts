/**
 * `npm run bench:search`: how well and how fast readers find answers.
 *
 * 1. Relevance: every query of bench/search-relevance.json (written as readers write them, each
 *    with the topic that should come first, or "nothing") through the search page of the real
 *    build in Chromium, beside Pagefind's default search (`pagefind.search`, what Starlight ships)
 *    over the same build in the same run (its index written into a copy of the site: the build
 *    writes none): success@1, success@3, mean reciprocal rank, false hits.
 * 2. Speed: time from a keystroke in the search page's box to its results, on 1,000 generated
 *    topics once the index has loaded (p50, p95), beside Pagefind's own search of the same prefixes.
 *
 *   npm run bench:search [-- --topics 1000]
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { chromium, type Page } from "playwright-core";
import { buildIfStale, buildSite } from "../scripts/build.ts";
import { generateContent } from "../scripts/generate-topics.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { type ServerProcess, startServerProcess } from "../scripts/lib/server-process.ts";
import { chromiumArgs, findOrInstallChromium } from "../tests/support/chromium.ts";
import { numberOption } from "./options.ts";

interface Judged {
  query: string;
  expect: string;
  also?: string[];
  kind: string;
}

const relevance = JSON.parse(readFileSync(join("bench", "search-relevance.json"), "utf8")) as { queries: Judged[] };
const topicCount = numberOption("topics", 1000);
const secret = "a-server-secret-for-the-search-bench-0000";

async function serve(siteDir: string): Promise<ServerProcess> {
  return startServerProcess({
    LIBSQL_URL: `file:${join(scratchDir("bench-search-db"), "bench.db")}`,
    SERVER_SECRET: secret,
    PUBLIC_SITE_DIR: siteDir,
    INTERNAL_SITE_DIR: siteDir,
  });
}

/**
 * A copy of a built site with Pagefind's own index in it, for Pagefind's default search beside
 * ours: the build writes none (its pages keep the marks Pagefind reads, so it reads what ours does).
 */
async function withPagefindIndex(siteDir: string): Promise<string> {
  const copy = scratchDir("bench-search-site");
  cpSync(siteDir, copy, { recursive: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  await index.addDirectory({ path: copy });
  const written = await index.writeFiles({ outputPath: join(copy, "pagefind") });
  if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  await pagefind.close();
  return copy;
}

/** What the help center's search page shows for a query: result addresses, and whether it claims a match. */
async function ours(
  page: Page,
  base: string,
  query: string,
): Promise<{ urls: string[]; claims: boolean; partial: boolean }> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator("[data-search-status]").filter({ hasText: /\S/ });
  await status.waitFor();
  const text = (await status.textContent()) ?? "";
  const urls = await page
    .locator("[data-search-results] li > a")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const partial = /^(?:Showing results for .*?\. Search instead for .*?\. )?No topic (?:mentions|has)/.test(text);
  return { urls, claims: urls.length > 0 && !partial, partial };
}

/**
 * A page of the site for Pagefind's default search, which compiles WebAssembly: as Starlight
 * ships it, with a policy that allows that. The site's own policy allows no script to compile
 * code (functions/app/security-headers.ts), so this page alone is opened without it.
 */
async function pagefindPage(base: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  // Pagefind compiles in a worker, whose script brings its own policy: served without one.
  await context.route("**/pagefind/**", async (route) => {
    const response = await route.fetch();
    const { "content-security-policy": _policy, ...headers } = response.headers();
    await route.fulfill({ response, headers });
  });
  const page = await context.newPage();
  await page.goto(`${base}/search/`);
  return page;
}

/** What Pagefind's default search returns for the same query, best first. */
async function pagefindDefault(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    type Results = { results: { data(): Promise<{ url: string }> }[] };
    const pagefindUrl = "/pagefind/pagefind.js";
    const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as {
      search(q: string): Promise<Results>;
    };
    const found = await pagefind.search(q);
    return Promise.all(
      found.results.slice(0, 10).map(async (r) => new URL((await r.data()).url, location.href).pathname),
    );
  }, query);
}

interface Scores {
  at1: number;
  at3: number;
  mrr: number;
  falseHits: number;
  absent: number;
  answerable: number;
  partialOnAbsent: number;
}

function score(
  judged: readonly Judged[],
  answers: readonly { urls: string[]; claims: boolean; partial?: boolean }[],
): Scores {
  const s: Scores = { at1: 0, at3: 0, mrr: 0, falseHits: 0, absent: 0, answerable: 0, partialOnAbsent: 0 };
  judged.forEach((j, i) => {
    const answer = answers[i] ?? { urls: [], claims: false };
    if (j.expect === "nothing") {
      s.absent += 1;
      if (answer.claims) s.falseHits += 1;
      if (answer.partial) s.partialOnAbsent += 1;
      return;
    }
    s.answerable += 1;
    const right = new Set([j.expect, ...(j.also ?? [])].map((id) => `/topics/${id}/`));
    const rank = answer.urls.findIndex((url) => right.has(url)) + 1;
    if (rank === 1) s.at1 += 1;
    if (rank >= 1 && rank <= 3) s.at3 += 1;
    if (rank >= 1) s.mrr += 1 / rank;
  });
  return s;
}

const ratio = (n: number, of: number) => (of === 0 ? "–" : (n / of).toFixed(3));
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const browser = await chromium.launch({ executablePath: findOrInstallChromium(), args: chromiumArgs });
try {
  // 1. Relevance on the project's own topics.
  await buildIfStale();
  const site = await serve(await withPagefindIndex("dist"));
  try {
    const page = await browser.newPage();
    const baseline = await pagefindPage(site.url);
    const mine: { urls: string[]; claims: boolean; partial: boolean }[] = [];
    const theirs: { urls: string[]; claims: boolean }[] = [];
    const misses: string[] = [];
    for (const judged of relevance.queries) {
      const found = await ours(page, site.url, judged.query);
      mine.push(found);
      const urls = await pagefindDefault(baseline, judged.query);
      theirs.push({ urls, claims: urls.length > 0 });
      const right = judged.expect === "nothing" ? !found.claims : found.urls[0] === `/topics/${judged.expect}/`;
      if (!right && !(judged.also ?? []).some((id) => found.urls[0] === `/topics/${id}/`)) {
        misses.push(
          `  ${judged.kind.padEnd(10)} ${JSON.stringify(judged.query)} → ${found.urls[0] ?? (found.claims ? "?" : "nothing")} (expected ${judged.expect})`,
        );
      }
    }
    const a = score(relevance.queries, mine);
    const b = score(relevance.queries, theirs);
    console.log(
      `\nRelevance: ${relevance.queries.length} queries (${a.answerable} with an answer, ${a.absent} with none), same build, same run\n`,
    );
    console.log("| search | success@1 | success@3 | MRR | false hits |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const [name, s] of [
      ["help center", a],
      ["Pagefind default", b],
    ] as const) {
      console.log(
        `| ${name} | ${ratio(s.at1, s.answerable)} | ${ratio(s.at3, s.answerable)} | ${ratio(s.mrr, s.answerable)} | ${s.falseHits} of ${s.absent} |`,
      );
    }
    console.log(
      `\nHelp center: ${a.partialOnAbsent} of ${a.absent} queries with no answer showed topics with only some of their words, under a line that says so (not counted as false hits).`,
    );
    console.log(
      misses.length ? `Not first (or a false hit):\n${misses.join("\n")}` : "Every query's answer came first.",
    );
    const goals = [
      ["success@3 ≥ 0.95", a.at3 / a.answerable >= 0.95],
      ["false hits 0", a.falseHits === 0],
      [
        "every figure ahead of Pagefind's default",
        a.at1 >= b.at1 && a.at3 >= b.at3 && a.mrr >= b.mrr && a.falseHits <= b.falseHits,
      ],
    ] as const;
    for (const [goal, met] of goals) console.log(`${met ? "ok  " : "MISS"} ${goal}`);
  } finally {
    site.child.kill();
    await site.exited;
  }

  // 2. Keystroke to results on a large help center.
  const content = scratchDir("bench-search-content");
  generateContent(content, topicCount);
  const root = scratchDir("bench-search-build");
  await buildSite(["public"], { ...process.env, HELP_CONTENT_DIR: content, HELP_BUILD_ROOT: root });
  const large = await serve(await withPagefindIndex(join(root, "dist")));
  try {
    const page = await browser.newPage();
    const baseline = await pagefindPage(large.url);
    await page.goto(`${large.url}/search/?q=warm`);
    await page.locator("[data-search-status]").filter({ hasText: /\S/ }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { latencies: number[]; typedAt: number | undefined };
      w.latencies = [];
      const box = document.querySelector("#search-page-query") as HTMLInputElement;
      box.addEventListener(
        "keydown",
        () => {
          w.typedAt = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        if (w.typedAt === undefined) return;
        w.latencies.push(performance.now() - w.typedAt);
        w.typedAt = undefined;
      }).observe(document.querySelector("[data-search-status]") as Node, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const typed = [
      "export the invoice batch",
      "schedule report set",
      "reset the staff account",
      "archive audit log",
      "configure backup",
    ];
    const box = page.locator("#search-page-query");
    const prefixes: string[] = [];
    for (const query of typed) {
      await box.fill("");
      await page.waitForTimeout(50);
      await box.pressSequentially(query, { delay: 60 });
      await page.waitForTimeout(200);
      for (let i = 1; i <= query.length; i++) prefixes.push(query.slice(0, i));
    }
    const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
    const pagefindTimes: number[] = [];
    for (const prefix of prefixes) {
      pagefindTimes.push(
        await baseline.evaluate(async (q) => {
          const pagefindUrl = "/pagefind/pagefind.js";
          const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as {
            search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
          };
          const started = performance.now();
          const found = await pagefind.search(q);
          await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
          return performance.now() - started;
        }, prefix),
      );
    }
    console.log(
      `\nKeystroke to results, ${topicCount} generated topics, index loaded (${latencies.length} keystrokes)\n`,
    );
    console.log("| search | p50 (ms) | p95 (ms) |");
    console.log("| --- | --- | --- |");
    console.log(
      `| help center (search page, keystroke to status) | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} |`,
    );
    console.log(
      `| Pagefind default (search + 10 fragments) | ${percentile(pagefindTimes, 50).toFixed(1)} | ${percentile(pagefindTimes, 95).toFixed(1)} |`,
    );
    const p95 = percentile(latencies, 95);
    console.log(
      `${p95 < 100 ? "ok  " : "MISS"} p95 < 100 ms (${p95.toFixed(1)}); ratio to Pagefind's p95: ${(p95 / percentile(pagefindTimes, 95)).toFixed(2)}`,
    );
  } finally {
    large.child.kill();
    await large.exited;
  }
} finally {
  await browser.close();
}
