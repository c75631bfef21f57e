/**
 * What a backup costs the writers it runs beside, printed (not a timed test).
 *   npm run bench:backup [-- --rows 1000000 --rate 500 --rounds 3 --baseline-seconds 3]
 * A database of N feedback rows is served by the real server (the `npm start` bundle) on
 * 127.0.0.1 while feedback is posted at a steady rate (an open loop of simultaneous requests).
 * Each round measures the writes' latency during `npm run db:backup`, then with no backup for as
 * long again (at least `--baseline-seconds`), then during each way of copying alone, straight
 * into the data folder as SQLite writes it: `VACUUM INTO` at low CPU priority (db:backup's copy,
 * which it makes in memory and writes out slowly), SQLite's online backup API (`backup()` of
 * node:sqlite) at low priority, and at normal priority, as it would run inside the server.
 * Rounds alternate so that every phase meets the machine's noise alike; the ratios are against
 * the p99 with no backup, same run. Goal: db:backup slows the writes' p99 by less than 2x.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { migrate } from "../functions/db/migrate.ts";
import { readMigrations } from "../functions/db/node-migrations.ts";
import { nodeSqliteClient } from "../functions/db/node-sqlite-client.ts";
import { type AnsweredWrite, feedbackLoad, quantile } from "../scripts/lib/feedback-load.ts";
import { runScript } from "../scripts/lib/run-script.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, startServerProcess } from "../scripts/lib/server-process.ts";
import { numberOption } from "./options.ts";

const rowCount = numberOption("rows", 1_000_000);
const rate = numberOption("rate", 500);
const rounds = numberOption("rounds", 3);
const baselineMs = numberOption("baseline-seconds", 3) * 1000;

const dir = scratchDir("bench-backup");
const live = join(dir, "help.db");
const copy = join(dir, "copy.db");

/** Rows made inside SQLite, a chunk per statement, over two years, the rollups kept by the triggers. */
async function seed() {
  const db = nodeSqliteClient(`file:${live}`, ["PRAGMA journal_mode = WAL"]);
  try {
    await migrate(db, readMigrations());
    const chunk = 100_000;
    for (let from = 0; from < rowCount; from += chunk) {
      await db.execute({
        sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
              INSERT INTO feedback (id, topic, rating, found, comment, client_hash, created_at, updated_at)
              SELECT printf('seed-%012d', i), 'topic-' || (i % 500),
                     CASE i % 4 WHEN 0 THEN 'excellent' WHEN 1 THEN 'good' WHEN 2 THEN 'average' ELSE 'poor' END,
                     CASE i % 2 WHEN 0 THEN 'yes' ELSE 'no' END,
                     CASE WHEN i % 3 = 0 THEN 'A comment of a few words about topic ' || (i % 500) || ', number ' || i END,
                     hex(randomblob(8)), ? - i * 60000, ? - i * 60000
              FROM n`,
        args: [from, Math.min(rowCount, from + chunk), Date.now(), Date.now()],
      });
    }
  } finally {
    db.close();
  }
}

/**
 * The copy step alone, in a process of its own. At low priority it lowers itself first, so the
 * threads made later (libuv's pool among them) inherit it, as db:backup's copy thread runs; at
 * normal priority, the backup API runs as it would inside the server, whose thread pool cannot
 * be lowered. argv: method, priority, source, destination.
 */
const copyAlone = `
const [method, priority, source, destination] = process.argv.slice(1);
if (priority === "low") require("node:os").setPriority(19);
const { DatabaseSync, backup } = require("node:sqlite");
const db = new DatabaseSync(source, { timeout: 5000 });
if (method === "vacuum-into") { db.prepare("VACUUM INTO ?").run(destination); db.close(); }
else backup(db, destination, { rate: 2 ** 31 - 1 }).then(() => db.close());
`;

const copyOnly = (method: "vacuum-into" | "backup-api", priority: "low" | "normal") => async () => {
  const run = await runScript("-e", [copyAlone, method, priority, live, copy], {});
  if (run.status !== 0) throw new Error(`The copy failed: ${run.stderr}`);
};

/** How long the last db:backup took: the window with no backup after it lasts as long. */
let lastBackupMs = 0;

const phases = {
  "npm run db:backup": async () => {
    const started = performance.now();
    const run = await runScript("scripts/db-backup.ts", [copy], { LIBSQL_URL: `file:${live}` });
    if (run.status !== 0) throw new Error(`db:backup failed: ${run.stderr}`);
    lastBackupMs = performance.now() - started;
  },
  // As long as the backup beside it: a stall of the machine's own is as likely to land in either.
  "no backup": () => new Promise<void>((resolve) => setTimeout(resolve, Math.max(baselineMs, lastBackupMs))),
  "VACUUM INTO, low": copyOnly("vacuum-into", "low"),
  "backup API, low": copyOnly("backup-api", "low"),
  "backup API, normal": copyOnly("backup-api", "normal"),
};
type Phase = keyof typeof phases;

const seeded = performance.now();
await seed();
console.log(
  `seeded ${rowCount.toLocaleString("en")} feedback rows (${(statSync(live).size / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);
const server = await startServerProcess({
  LIBSQL_URL: `file:${live}`,
  PUBLIC_SITE_DIR: fakeSiteDir(),
  FEEDBACK_RATE_LIMIT: "off",
});
const windows: { phase: Phase; from: number; to: number }[] = [];
const load = feedbackLoad(server.url, { perSecond: rate, maxRequests: rate * 3600 });
try {
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // warm-up, not counted
  for (let round = 0; round < rounds; round++) {
    for (const [phase, run] of Object.entries(phases) as [Phase, () => Promise<void>][]) {
      const from = performance.now();
      await run();
      windows.push({ phase, from, to: performance.now() });
      rmSync(copy, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the last writes of a phase settle
    }
  }
} finally {
  await load.stop();
  server.child.kill("SIGTERM");
  await server.exited;
}

/** The writes sent during a phase's windows, every round together. */
const during = (phase: Phase): AnsweredWrite[] =>
  load.writes.filter((w) => windows.some((x) => x.phase === phase && w.sentAt >= x.from && w.sentAt < x.to));
const latenciesDuring = (phase: Phase) => during(phase).map((w) => w.answeredAt - w.sentAt);
const baseline = quantile(latenciesDuring("no backup"), 0.99);
console.log(`\n${rate} feedback writes/s offered, ${rounds} rounds, 127.0.0.1 only\n`);
console.log(
  `${"phase".padEnd(24)} ${"writes".padStart(7)} ${"not 201".padStart(8)} ${"seconds".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)}  p99 / no backup`,
);
for (const phase of Object.keys(phases) as Phase[]) {
  const writes = during(phase);
  const latencies = latenciesDuring(phase);
  const seconds = windows.filter((x) => x.phase === phase).reduce((sum, x) => sum + (x.to - x.from) / 1000, 0);
  const p99 = quantile(latencies, 0.99);
  const figures = [
    String(writes.length),
    String(writes.filter((w) => w.status !== 201).length),
    seconds.toFixed(1),
    quantile(latencies, 0.5).toFixed(1),
    p99.toFixed(1),
    quantile(latencies, 1).toFixed(1),
  ];
  console.log(
    `${phase.padEnd(24)} ${figures.map((f, i) => f.padStart(i === 1 ? 8 : 7)).join(" ")}  ${(p99 / baseline).toFixed(2)}x`,
  );
}
const ratio = quantile(latenciesDuring("npm run db:backup"), 0.99) / baseline;
console.log(`\ndb:backup p99 / no backup: ${ratio.toFixed(2)}x (goal < 2x) ${ratio < 2 ? "ok" : "MISSED"}`);
// 500 writes a second cost a few ms each here when the machine is free; far more means others were using it.
if (baseline > 50)
  console.log(`the p99 with no backup is ${baseline.toFixed(0)} ms: the machine was busy, and the ratios say little`);
process.exit(ratio < 2 ? 0 : 1);
