import type { Client } from "@libsql/client";
import { dayMs, isoDay } from "../../../src/shared/dates.ts";
import { topicsNeedingAttention } from "../dashboard/attention.service.ts";
import { signalText } from "../dashboard/attention-words.ts";
import { defaultPeriod } from "../dashboard/vocabulary.ts";
import { languageName, otherLanguageName } from "../lib/page-language.ts";
import { failedSearchesBetween } from "../searches/searches.queries.ts";
import type { TopicCatalog } from "../topic-catalog.ts";
import type { DigestEvent } from "./events.ts";

/** A digest as kept in the outbox: the message, and the list it compared with, for tomorrow's. */
export interface StoredDigest {
  event: DigestEvent;
  /** The topics on Needs attention when it was made. */
  attention: string[];
}

const searchesShown = 5;

/** The digest before today's, if one is still kept: when it was made and what it saw. */
async function previousDigest(db: Client): Promise<{ at: number; attention: string[] } | undefined> {
  const result = await db.execute(
    // Digest ids are "digest:YYYY-MM-DD": the latest is the last in the primary key's range.
    "SELECT created_at, payload FROM notifications WHERE id >= 'digest:' AND id < 'digest;' ORDER BY id DESC LIMIT 1",
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const stored = JSON.parse(String(row.payload)) as StoredDigest;
  return { at: Number(row.created_at), attention: stored.attention };
}

/**
 * The day for the writers: answers since the digest before (or the last 24 hours), the topics
 * that joined Needs attention since then, and the searches that found nothing most often.
 */
export async function makeDigest(
  db: Client,
  catalog: TopicCatalog,
  siteUrl: string,
  now: number,
): Promise<StoredDigest> {
  const before = await previousDigest(db);
  const otherLanguage = (code: string) => otherLanguageName(catalog.languages, code);
  const since = before?.at ?? now - dayMs;
  const [answers, attention, failed] = await Promise.all([
    db.execute({
      sql: `SELECT lang, count(*) AS total, coalesce(sum(rating = 'poor' OR found = 'no'), 0) AS unhelpful,
                   count(comment) AS comments
            FROM feedback WHERE created_at >= ? AND created_at < ? AND is_spam = 0
            GROUP BY lang ORDER BY total DESC, lang`,
      args: [since, now],
    }),
    topicsNeedingAttention(db, catalog, catalog.all(), defaultPeriod, now),
    failedSearchesBetween(db, since, now, searchesShown),
  ]);
  const known = new Set(before?.attention ?? []);
  const counted = (column: string) => answers.rows.reduce((sum, row) => sum + Number(row[column]), 0);
  return {
    attention: attention.map((item) => item.topic),
    event: {
      type: "digest",
      day: isoDay(now),
      answers: {
        total: counted("total"),
        unhelpful: counted("unhelpful"),
        comments: counted("comments"),
        byLanguage: answers.rows.map((row) => ({
          language: languageName(String(row.lang)),
          answers: Number(row.total),
        })),
      },
      entering: attention
        .filter((item) => !known.has(item.topic))
        .map((item) => ({
          title: item.title,
          url: `${siteUrl}${catalog.path(item.topic) ?? "/"}`,
          why: item.signals.map((signal) => signalText(signal, defaultPeriod, otherLanguage)),
        })),
      failedSearches: failed.map(({ lang, ...search }) => {
        const language = otherLanguage(lang);
        return language ? { ...search, language } : search;
      }),
      dashboardUrl: `${siteUrl}/dashboard/`,
    },
  };
}
