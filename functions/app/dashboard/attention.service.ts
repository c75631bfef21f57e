import type { Client } from "@libsql/client";
import { isoDay } from "../../../src/shared/dates.ts";
import { failedSearches } from "../searches/searches.queries.ts";
import type { CatalogTopic, TopicCatalog } from "../topic-catalog.ts";
import { dayOf, dayWindow } from "./aggregate.ts";
import { type AttentionItem, needsAttention } from "./attention.ts";
import { attentionCounts } from "./dashboard.queries.ts";
import { missedSearchesByTopic } from "./missed-searches.ts";
import type { Period } from "./vocabulary.ts";

/**
 * Needs attention for `topics` (one owner's, or all) in the period, read from the database: the
 * dashboard's and the digest's. Each topic counts in every language together: its translations
 * share its steps, and a language's few answers alone would seldom reach a rule's threshold. A
 * failed search goes to the closest of all the catalog's topics, whoever owns them, matched in
 * the language it was typed in.
 */
export async function topicsNeedingAttention(
  db: Client,
  catalog: TopicCatalog,
  topics: readonly CatalogTopic[],
  period: Period,
  now: number,
): Promise<AttentionItem[]> {
  const { startDay } = dayWindow(period, now);
  const [counts, failed] = await Promise.all([attentionCounts(db, topics, period, now), failedSearches(db, startDay)]);
  const updatedDay = new Map(catalog.all().map((t) => [t.id, t.updated ? dayOf(Date.parse(t.updated)) : 0]));
  const missed = missedSearchesByTopic(
    catalog.all(),
    failed,
    (topic) => updatedDay.get(topic) ?? 0,
    catalog.languages.default,
  );
  return needsAttention({ topics, ...counts, missed, today: isoDay(now) });
}
