import type { Client } from "@libsql/client";
import { sampleLanguages } from "../../scripts/lib/sample-manifest.ts";
import { dayMs } from "../../src/shared/dates.ts";

/** What bench/dashboard.ts seeds: feedback rows, topic views and failed searches, inside SQLite. */

/**
 * The languages answers, views and searches come in, the default's share first: of every 20
 * rows, 14 English, 3 German, 2 Spanish, 1 Arabic; or, with `--languages 1`, all English (the
 * data the dashboard held before languages). As the API has it, an answer or a view is in
 * another language only on a topic translated into it: every tenth topic (`translatedEvery`).
 */
export function languageShares(count: number): { lang: string; of20: number }[] {
  const shares = [
    { lang: "en", of20: 14 },
    { lang: "de", of20: 3 },
    { lang: "es", of20: 2 },
    { lang: "ar", of20: 1 },
  ].slice(0, count);
  const rest = 20 - shares.reduce((sum, s) => sum + s.of20, 0);
  return shares.map((s, i) => (i === 0 ? { ...s, of20: s.of20 + rest } : s));
}

/** An SQL expression giving row `i` its language by the shares. */
function languageOf(i: string, shares: { lang: string; of20: number }[]): string {
  let upTo = 0;
  const cases = shares.map((s) => {
    upTo += s.of20;
    return `WHEN ${i} % 20 < ${upTo} THEN '${s.lang}'`;
  });
  return `CASE ${cases.join(" ")} END`;
}

/** Topics `topic-0`, `topic-10`… are translated into every language (benchManifest). */
const translatedEvery = 10;

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
    ...sampleLanguages,
    topics: Array.from({ length: count }, (_, i) => ({
      id: `topic-${i}`,
      title: `${titleOf(i)} (${i})`,
      path: `/topics/topic-${i}/`,
      // One topic in ten translated into each other language, as bench:site's generated content is.
      translations:
        i % translatedEvery === 0
          ? { de: { title: `Übersetzt ${i}` }, es: { title: `Traducido ${i}` }, ar: { title: `مترجم ${i}` } }
          : {},
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
 * days and topics (another language's over the topics translated into it), every rating, answer
 * and reason, a comment on every fourth row.
 */
export async function seedFeedback(
  db: Client,
  rows: number,
  topics: number,
  days: number,
  now: number,
  languages = languageShares(1),
) {
  const chunk = 100_000;
  const inDefault = languages[0]?.of20 ?? 20;
  const topic = `CASE WHEN i % 20 < ${inDefault} THEN (i * 7919) % ${topics}
                 ELSE ${translatedEvery} * ((i * 7919) % ${Math.ceil(topics / translatedEvery)}) END`;
  for (let from = 0; from < rows; from += chunk) {
    const to = Math.min(rows, from + chunk);
    await db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            INSERT INTO feedback (id, topic, lang, rating, found, reason, comment, status, client_hash, created_at, updated_at)
            SELECT printf('bench-%012d', i), 'topic-' || (${topic}), ${languageOf("i", languages)},
                   CASE i % 5 WHEN 0 THEN 'excellent' WHEN 1 THEN 'good' WHEN 2 THEN 'average' WHEN 3 THEN 'poor' END,
                   CASE i % 3 WHEN 0 THEN 'yes' WHEN 1 THEN 'no' END,
                   CASE WHEN i % 3 = 1 AND i % 7 < 5 THEN
                     CASE i % 7 WHEN 0 THEN 'missing-information' WHEN 1 THEN 'steps-did-not-work'
                       WHEN 2 THEN 'hard-to-understand' WHEN 3 THEN 'out-of-date' ELSE 'something-else' END END,
                   CASE WHEN i % 4 = 0 OR (i % 5 = 4 AND i % 3 = 2) THEN 'Comment number ' || i || ', with a few words of text about the topic.' END,
                   CASE WHEN i % 10 = 0 THEN 'reviewed' ELSE 'new' END,
                   'h', ? - ((i * 31) % CAST(? AS INTEGER)) * ${dayMs} - (i * 37) % ${dayMs}, ?
            FROM n`,
      args: [from, to, now, days, now],
    });
  }
}

/**
 * `views` topic views in the daily rollups, as many as the view beacon would have counted: a row
 * per topic and day in the default language, and per translated topic and day in each other
 * language (a fifth of them employees'), the views shared out evenly.
 */
export async function seedViews(
  db: Client,
  views: number,
  topics: number,
  days: number,
  now: number,
  languages = languageShares(1),
) {
  const groups = languages.map((l, k) => ({
    lang: l.lang,
    topics: k === 0 ? topics : Math.ceil(topics / translatedEvery),
    step: k === 0 ? 1 : translatedEvery,
  }));
  const rows = groups.reduce((sum, g) => sum + g.topics * days, 0);
  const each = Math.floor(views / rows);
  let extra = views % rows;
  const today = Math.floor(now / dayMs);
  const chunk = 200_000;
  for (const group of groups) {
    const groupRows = group.topics * days;
    for (let from = 0; from < groupRows; from += chunk) {
      await db.execute({
        sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
              INSERT INTO topic_views (topic, day, audience, lang, views)
              SELECT 'topic-' || (i % ?) * ?, ? - i / ?, CASE WHEN i % 5 = 0 THEN 'internal' ELSE 'public' END, ?,
                     ? + (i < ?)
              FROM n`,
        args: [
          from,
          Math.min(groupRows, from + chunk),
          group.topics,
          group.step,
          today,
          group.topics,
          group.lang,
          each,
          extra,
        ],
      });
    }
    extra = Math.max(0, extra - groupRows);
  }
}

/**
 * Searches that found nothing, in the daily rollups: `queries` distinct queries on each of the
 * last `days` days, some near topics' words ("reset payroll broken"), some near none ("zq 17").
 */
export async function seedFailedSearches(
  db: Client,
  queries: number,
  days: number,
  now: number,
  languages = languageShares(1),
) {
  const today = Math.floor(now / dayMs);
  const words = [...verbs.map((v) => v.toLowerCase()), ...things, "broken", "error", "missing", "zq"];
  const query = (i: number) => `${words[i % words.length]} ${words[Math.floor(i / 7) % words.length]} ${i}`;
  const rows = Array.from({ length: queries * days }, (_, i) => [
    today - (i % days),
    query(Math.floor(i / days)),
    1 + (i % 4),
    languages[Math.floor(i / days) % languages.length]?.lang ?? "en",
  ]);
  await db.execute({
    sql: `INSERT INTO search_daily (day, audience, lang, query, searches, no_results, opened)
          SELECT value ->> 0, 'public', value ->> 3, value ->> 1, value ->> 2, value ->> 2, 0 FROM json_each(?)`,
    args: [JSON.stringify(rows)],
  });
}
