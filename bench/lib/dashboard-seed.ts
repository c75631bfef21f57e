import type { Client } from "@libsql/client";

/** What bench/dashboard.ts seeds: feedback rows, topic views and failed searches, inside SQLite. */

import { dayMs } from "../../src/shared/dates.ts";

const verbs = ["Set up", "Reset", "Export", "Import", "Share", "Delete", "Print", "Sync", "Approve", "Archive"];
const things = ["invoices", "users", "passwords", "reports", "clients", "documents", "payroll", "backups", "licences"];
const places = ["on the web", "in the desktop app", "on a phone", "for a firm", "for a client", "in bulk"];

/** A topic's words, from a few lists, so that searches can come close to some and not others. */
const titleOf = (i: number) =>
  `${verbs[i % verbs.length]} ${things[Math.floor(i / verbs.length) % things.length]} ${places[i % places.length]}`;

/**
 * The employees' manifest of `count` topics: titles and descriptions with words, owners, updates
 * spread over the last year and reviews, some of them past.
 */
export function benchManifest(count: number, now: number) {
  const owners = ["Billing docs", "Identity docs", "Payroll docs", "Platform docs"];
  return {
    audience: "internal",
    topics: Array.from({ length: count }, (_, i) => ({
      id: `topic-${i}`,
      title: `${titleOf(i)} (${i})`,
      path: `/topics/topic-${i}/`,
      category: `Category ${i % 12}`,
      description: `How to ${titleOf(i).toLowerCase()}, step by step.`,
      keywords: [things[i % things.length] ?? "help"],
      updated: new Date(now - ((i * 13) % 365) * dayMs).toISOString().slice(0, 10),
      owner: owners[i % owners.length],
      reviewBy: new Date(now + (((i * 17) % 400) - 100) * dayMs).toISOString().slice(0, 10),
    })),
  };
}

/**
 * Feedback rows generated inside SQLite (a recursive CTE), a chunk per statement: spread over the
 * days and topics, every rating, answer and reason, a comment on every fourth row.
 */
export async function seedFeedback(db: Client, rows: number, topics: number, days: number, now: number) {
  const chunk = 100_000;
  for (let from = 0; from < rows; from += chunk) {
    const to = Math.min(rows, from + chunk);
    await db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            INSERT INTO feedback (id, topic, rating, found, reason, comment, status, client_hash, created_at, updated_at)
            SELECT printf('bench-%012d', i), 'topic-' || ((i * 7919) % CAST(? AS INTEGER)),
                   CASE i % 5 WHEN 0 THEN 'excellent' WHEN 1 THEN 'good' WHEN 2 THEN 'average' WHEN 3 THEN 'poor' END,
                   CASE i % 3 WHEN 0 THEN 'yes' WHEN 1 THEN 'no' END,
                   CASE WHEN i % 3 = 1 AND i % 7 < 5 THEN
                     CASE i % 7 WHEN 0 THEN 'missing-information' WHEN 1 THEN 'steps-did-not-work'
                       WHEN 2 THEN 'hard-to-understand' WHEN 3 THEN 'out-of-date' ELSE 'something-else' END END,
                   CASE WHEN i % 4 = 0 OR (i % 5 = 4 AND i % 3 = 2) THEN 'Comment number ' || i || ', with a few words of text about the topic.' END,
                   CASE WHEN i % 10 = 0 THEN 'reviewed' ELSE 'new' END,
                   'h', ? - ((i * 31) % CAST(? AS INTEGER)) * ${dayMs} - (i * 37) % ${dayMs}, ?
            FROM n`,
      args: [from, to, topics, now, days, now],
    });
  }
}

/**
 * `views` topic views in the daily rollups, as many as the view beacon would have counted:
 * one row per topic and day (a fifth of them employees'), the views shared out evenly.
 */
export async function seedViews(db: Client, views: number, topics: number, days: number, now: number) {
  const rows = topics * days;
  const each = Math.floor(views / rows);
  const extra = views % rows;
  const today = Math.floor(now / dayMs);
  const chunk = 200_000;
  for (let from = 0; from < rows; from += chunk) {
    await db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            INSERT INTO topic_views (topic, day, audience, views)
            SELECT 'topic-' || (i % ?), ? - i / ?, CASE WHEN i % 5 = 0 THEN 'internal' ELSE 'public' END,
                   ? + (i < ?)
            FROM n`,
      args: [from, Math.min(rows, from + chunk), topics, today, topics, each, extra],
    });
  }
}

/**
 * Searches that found nothing, in the daily rollups: `queries` distinct queries on each of the
 * last `days` days, some near topics' words ("reset payroll broken"), some near none ("zq 17").
 */
export async function seedFailedSearches(db: Client, queries: number, days: number, now: number) {
  const today = Math.floor(now / dayMs);
  const words = [...verbs.map((v) => v.toLowerCase()), ...things, "broken", "error", "missing", "zq"];
  const query = (i: number) => `${words[i % words.length]} ${words[Math.floor(i / 7) % words.length]} ${i}`;
  const rows = Array.from({ length: queries * days }, (_, i) => [
    today - (i % days),
    query(Math.floor(i / days)),
    1 + (i % 4),
  ]);
  await db.execute({
    sql: `INSERT INTO search_daily (day, audience, query, searches, no_results, opened)
          SELECT value ->> 0, 'public', value ->> 1, value ->> 2, value ->> 2, 0 FROM json_each(?)`,
    args: [JSON.stringify(rows)],
  });
}
