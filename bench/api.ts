/**
 * API throughput on this machine, printed as figures (not a timed test).
 *   npm run bench:api [-- --seconds 10 --connections 50 --runs 2]
 * The real server (the `npm start` bundle) runs as a child process on 127.0.0.1 with a fresh
 * database; autocannon loads it for a bounded time. Health is the baseline; feedback must reach
 * at least 0.25 of it with p99 under 20 ms and no lost row. The 429 path is measured on its own,
 * and so are reads made while feedback is being written, and counting a topic view against
 * serving the topic's page (a view must cost the server less than the page it counts), and
 * health and feedback with logging and metrics on against both off (they must cost under 10 %).
 * The Worker's figures beside these are `npm run bench:edge`'s (plain workerd, CPU per request).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeSqliteClient } from "../functions/db/node-sqlite-client.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, startServerProcess } from "../scripts/lib/server-process.ts";
import { best, feedbackBody, load, type Run, show } from "./lib/api-load.ts";
import { observabilityCost } from "./lib/observability-cost.ts";
import { numberOption } from "./options.ts";

const seconds = numberOption("seconds", 10);
const connections = numberOption("connections", 50);
const runs = numberOption("runs", 2);

const measure = (url: string, init: { method?: "GET" | "POST"; body?: string; connections?: number } = {}) =>
  load(url, { seconds, connections, ...init });

/** The number one query gives, read from a database file the server has let go of. */
async function countIn(databaseFile: string, sql: string): Promise<number> {
  const db = nodeSqliteClient(`file:${databaseFile}`);
  try {
    return Number((await db.execute(sql)).rows[0]?.n);
  } finally {
    db.close();
  }
}

let failed = false;
const verdict = (ok: boolean) => {
  failed ||= !ok;
  return ok ? "ok" : "MISSED";
};

const site = fakeSiteDir();
const databaseFile = join(scratchDir("bench-api"), "bench.db");
console.log(`${connections} connections, ${seconds} s per run, 127.0.0.1 only\n`);

const server = await startServerProcess({
  LIBSQL_URL: `file:${databaseFile}`,
  PUBLIC_SITE_DIR: site,
  FEEDBACK_RATE_LIMIT: "off",
});
/**
 * Health and feedback, alternated, `runs` times each: the machines here are shared and noisy,
 * and both kinds get the same chance at a quiet moment.
 */
async function healthAndFeedback(base: string) {
  const healthRuns: Run[] = [];
  const feedbackRuns: Run[] = [];
  for (let run = 0; run < runs; run++) {
    healthRuns.push(await measure(`${base}/api/health`));
    show("GET /api/health", healthRuns.at(-1) as Run);
    feedbackRuns.push(await measure(`${base}/api/feedback`, { method: "POST", body: feedbackBody }));
    show("POST /api/feedback", feedbackRuns.at(-1) as Run);
  }
  return { healthRuns, feedbackRuns };
}

let measured: Awaited<ReturnType<typeof healthAndFeedback>>;
try {
  measured = await healthAndFeedback(server.url);
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
}
const { healthRuns, feedbackRuns } = measured;

const rows = await countIn(databaseFile, "SELECT count(*) AS n FROM feedback");
const health = best(healthRuns);
const feedback = best(feedbackRuns);
const answered = feedbackRuns.reduce((sum, r) => sum + r.ok, 0);
const ratio = feedback.rps / health.rps;
console.log(
  `\nbest runs: health ${health.rps.toFixed(0)} req/s, feedback ${feedback.rps.toFixed(0)} req/s (p99 ${feedback.p99} ms)`,
);
console.log(`ratio feedback/health: ${ratio.toFixed(2)} (target >= 0.25) ${verdict(ratio >= 0.25)}`);
console.log(`feedback p99: ${feedback.p99} ms (target < 20 ms) ${verdict(feedback.p99 < 20)}`);
const missing = answered - rows;
const extra = rows - answered;
const inFlight = connections * runs;
console.log(
  `rows ${rows} for ${answered} answered 2xx: ${missing > 0 ? `${missing} LOST` : `none lost, ${extra} from requests in flight at the ends of runs (<= ${inFlight})`} ${verdict(missing <= 0 && extra <= inFlight)}`,
);

const limitedDb = join(scratchDir("bench-api"), "limited.db");
const limited = await startServerProcess({
  LIBSQL_URL: `file:${limitedDb}`,
  PUBLIC_SITE_DIR: site,
  FEEDBACK_RATE_LIMIT: "1/3600",
});
try {
  const refused = await measure(`${limited.url}/api/feedback`, { method: "POST", body: feedbackBody });
  show("POST (rate limited)", refused);
  console.log(`429 path answered ${refused.other} refusals, ${refused.ok} accepted (limit 1 per hour)`);
} finally {
  limited.child.kill("SIGTERM");
  await limited.exited;
}
// A client refused once is refused from memory for the rest of the window (known-refusals.ts).
const hits = await countIn(limitedDb, "SELECT coalesce(sum(hits), 0) AS n FROM rate_limits");
console.log(`hits the database counted: ${hits} (the rest were answered without a write)`);
/**
 * Readers while others write: most connections send feedback, the rest ask for health at the
 * same time. Figures only; they show whether commits hold up everything else (with the sync
 * on the serving thread, each one did).
 */
const mixed = await startServerProcess({
  LIBSQL_URL: `file:${join(scratchDir("bench-api"), "mixed.db")}`,
  PUBLIC_SITE_DIR: site,
  FEEDBACK_RATE_LIMIT: "off",
});
try {
  const readers = Math.max(1, Math.round(connections / 5));
  const [writing, reading] = await Promise.all([
    measure(`${mixed.url}/api/feedback`, { method: "POST", body: feedbackBody, connections: connections - readers }),
    measure(`${mixed.url}/api/health`, { connections: readers }),
  ]);
  console.log(`\n${connections - readers} connections send feedback while ${readers} read, at once:`);
  show("POST /api/feedback", writing);
  show("GET /api/health", reading);
} finally {
  mixed.child.kill("SIGTERM");
  await mixed.exited;
}

/**
 * A view against its page, alternated: the seed topic's built page (from dist/, or a page of the
 * same size when the site is not built) and the image that counts it, with no limit on views.
 */
const pageSite = fakeSiteDir();
const pageDir = join(pageSite, "topics", "temporary-login-code");
mkdirSync(pageDir, { recursive: true });
const builtPage = join("dist", "topics", "temporary-login-code", "index.html");
if (existsSync(builtPage)) cpSync(builtPage, join(pageDir, "index.html"));
else writeFileSync(join(pageDir, "index.html"), `<!doctype html><title>Topic</title>${"<p>text</p>".repeat(6000)}`);
const viewsDb = join(scratchDir("bench-api"), "views.db");
const viewing = await startServerProcess({
  LIBSQL_URL: `file:${viewsDb}`,
  PUBLIC_SITE_DIR: pageSite,
  VIEW_RATE_LIMIT: "off",
});
const pageRuns: Run[] = [];
const viewRuns: Run[] = [];
try {
  console.log("");
  for (let run = 0; run < runs; run++) {
    pageRuns.push(await measure(`${viewing.url}/topics/temporary-login-code/`));
    show("GET the topic's page", pageRuns.at(-1) as Run);
    viewRuns.push(await measure(`${viewing.url}/api/views/temporary-login-code`));
    show("GET /api/views/…", viewRuns.at(-1) as Run);
  }
} finally {
  viewing.child.kill("SIGTERM");
  await viewing.exited;
}
const page = best(pageRuns);
const viewCount = best(viewRuns);
const views = await countIn(viewsDb, "SELECT coalesce(sum(views), 0) AS n FROM topic_views");
const viewRatio = viewCount.rps / page.rps;
console.log(
  `ratio view/page: ${viewRatio.toFixed(2)} (a view costs less than its page: target >= 1) ${verdict(viewRatio >= 1)}; ${views} views counted for ${viewRuns.reduce((sum, r) => sum + r.ok, 0)} answered`,
);

const cost = await observabilityCost({ site, seconds, connections, runs });
for (const [name, ratio] of Object.entries(cost)) {
  const verdictText = verdict(ratio >= 0.9);
  console.log(`ratio ${name} with logging and metrics / without: ${ratio.toFixed(2)} (target >= 0.90) ${verdictText}`);
}

process.exit(failed ? 1 : 0);
