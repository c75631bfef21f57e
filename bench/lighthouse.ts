/**
 * `npm run bench:lighthouse`: issue 23's goal, Lighthouse on the seed topic as a phone loads it.
 *
 *   npm run bench:lighthouse [-- --rounds 3]
 *
 * The real server (the `npm start` bundle; the site built first if a source changed) runs on
 * 127.0.0.1 with a scratch database. Lighthouse's default configuration (a mid-range phone, slow
 * 4G and a 4× slower CPU, simulated) measures /topics/temporary-login-code/ for N rounds, each
 * round once as shipped and once with its JavaScript blocked, every script refused, inline ones
 * too (bench/lib/header-proxy.ts says how); the order swaps every round and each run has a fresh
 * Chromium. Printed per variant: the medians of the performance score, LCP, TBT, CLS and the
 * accessibility, best-practices and SEO scores, then the goals:
 *
 *   performance as shipped ≥ performance with JavaScript blocked (medians of the same run)
 *   CLS < 0.01 and accessibility, best practices and SEO 100, as shipped, in every round
 *
 * Each run also prints Lighthouse's benchmark index of the machine: a low one means something
 * else had the CPU, which simulated throttling multiplies into TBT. A missed goal is printed, not
 * an exit code: the bench exits non-zero only when it cannot measure.
 */
import { join } from "node:path";
import { buildIfStale } from "../scripts/build.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { startServerProcess } from "../scripts/lib/server-process.ts";
import { findOrInstallChromium } from "../tests/support/chromium.ts";
import { failingAudits, runLighthouse } from "../tests/support/lighthouse.ts";
import { type HeaderProxy, startHeaderProxy } from "./lib/header-proxy.ts";
import { numberOption } from "./options.ts";

const rounds = numberOption("rounds", 3);
const roundsText = `${rounds} round${rounds === 1 ? "" : "s"}`;
const seedTopic = "/topics/temporary-login-code/";
const categories = ["accessibility", "best-practices", "seo"] as const;
const variants = ["as shipped", "JavaScript blocked"] as const;
type Variant = (typeof variants)[number];

interface Figures {
  performance: number;
  lcp: number;
  tbt: number;
  cls: number;
  accessibility: number;
  "best-practices": number;
  seo: number;
  /** Lighthouse's measure of the machine's speed during the run: low when something else took the CPU. */
  benchmarkIndex: number;
  failing: string[];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const score = (value: number) => (value * 100).toFixed(0);

/** Which Lighthouse measured in which browser, as the first report says. */
let measuredWith = "";

async function measure(url: string, chromiumPath: string): Promise<Figures> {
  const { lhr, retriedAfter } = await runLighthouse(url, chromiumPath);
  if (retriedAfter.length)
    console.log(`(measured again after Lighthouse's recording failed: ${retriedAfter.join(", ")})`);
  measuredWith ||= `Lighthouse ${lhr.lighthouseVersion} in ${lhr.environment.hostUserAgent.match(/HeadlessChrome\/\S+/)?.[0] ?? "Chromium"}`;
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const category = (id: string) => lhr.categories[id]?.score ?? Number.NaN;
  return {
    performance: category("performance"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    accessibility: category("accessibility"),
    "best-practices": category("best-practices"),
    seo: category("seo"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing: failingAudits(lhr, categories),
  };
}

const chromiumPath = findOrInstallChromium();
await buildIfStale();
const server = await startServerProcess({
  LIBSQL_URL: `file:${join(scratchDir("bench-lighthouse-db"), "bench.db")}`,
  SERVER_SECRET: "a-server-secret-for-the-lighthouse-bench",
});
const proxies: HeaderProxy[] = [];
const runs: Record<Variant, Figures[]> = { "as shipped": [], "JavaScript blocked": [] };
try {
  // Both variants through the same kind of proxy, so they differ only by the policy.
  const shippedProxy = await startHeaderProxy(server.url);
  proxies.push(shippedProxy);
  const blockedProxy = await startHeaderProxy(server.url, { "content-security-policy": "script-src 'none'" });
  proxies.push(blockedProxy);
  const origin: Record<Variant, string> = { "as shipped": shippedProxy.url, "JavaScript blocked": blockedProxy.url };
  console.log(`${seedTopic}, mobile emulation, simulated throttling, ${roundsText} of both variants\n`);
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? variants : ([...variants].reverse() as Variant[]);
    for (const variant of order) {
      const figures = await measure(`${origin[variant]}${seedTopic}`, chromiumPath);
      runs[variant].push(figures);
      console.log(
        `round ${round} ${variant.padEnd(18)} performance ${score(figures.performance)}, LCP ${figures.lcp.toFixed(0)} ms, ` +
          `TBT ${figures.tbt.toFixed(0)} ms, CLS ${figures.cls.toFixed(4)}, ` +
          `accessibility ${score(figures.accessibility)}, best practices ${score(figures["best-practices"])}, SEO ${score(figures.seo)} ` +
          `(machine's benchmark index ${figures.benchmarkIndex.toFixed(0)})`,
      );
    }
  }
} finally {
  for (const proxy of proxies) await proxy.close();
  server.child.kill();
  await server.exited;
}

const medians = (variant: Variant) => {
  const list = runs[variant];
  const of = (key: Exclude<keyof Figures, "failing" | "benchmarkIndex">) => median(list.map((figures) => figures[key]));
  return {
    performance: of("performance"),
    lcp: of("lcp"),
    tbt: of("tbt"),
    cls: of("cls"),
    accessibility: of("accessibility"),
    "best-practices": of("best-practices"),
    seo: of("seo"),
  };
};

console.log(`\nMedians of ${roundsText} (${measuredWith})\n`);
console.log("| variant | performance | LCP (ms) | TBT (ms) | CLS | accessibility | best practices | SEO |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const variant of variants) {
  const m = medians(variant);
  console.log(
    `| ${variant} | ${score(m.performance)} | ${m.lcp.toFixed(0)} | ${m.tbt.toFixed(0)} | ${m.cls.toFixed(4)} | ` +
      `${score(m.accessibility)} | ${score(m["best-practices"])} | ${score(m.seo)} |`,
  );
}

const shipped = medians("as shipped");
const blocked = medians("JavaScript blocked");
const shippedRuns = runs["as shipped"];
const worstCls = Math.max(...shippedRuns.map((figures) => figures.cls));
const lowest = (key: (typeof categories)[number]) => Math.min(...shippedRuns.map((figures) => figures[key]));
console.log(
  `\nperformance as shipped / with JavaScript blocked: ${(shipped.performance / blocked.performance).toFixed(3)}\n`,
);
const spread = (variant: Variant) => {
  const values = runs[variant].map((figures) => figures.performance);
  return `${score(Math.min(...values))}–${score(Math.max(...values))}`;
};
const goals = [
  [
    `performance as shipped ≥ with JavaScript blocked (${score(shipped.performance)} against ${score(blocked.performance)}; ` +
      `rounds ${spread("as shipped")} against ${spread("JavaScript blocked")})`,
    shipped.performance >= blocked.performance,
  ],
  [`CLS < 0.01 as shipped, every round (highest ${worstCls.toFixed(4)})`, worstCls < 0.01],
  [
    `accessibility, best practices and SEO 100 as shipped, every round (lowest ${categories.map((id) => score(lowest(id))).join(", ")})`,
    categories.every((id) => lowest(id) === 1),
  ],
] as const;
for (const [goal, met] of goals) console.log(`${met ? "ok  " : "MISS"} ${goal}`);
const blockedLosses = [
  ...new Set(runs["JavaScript blocked"].flatMap((figures) => figures.failing.map((line) => line.split(":")[0]))),
];
if (blockedLosses.length) {
  console.log(
    `With JavaScript blocked, below 100 for: ${blockedLosses.join(", ")} (each refused script is logged as a console error)`,
  );
}
const failing = [...new Set(shippedRuns.flatMap((figures) => figures.failing))];
if (failing.length) console.log(`\nWhat keeps a category below 100 as shipped:\n${failing.join("\n")}`);
