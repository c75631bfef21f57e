import type { AppDeps } from "../deps.ts";
import { languageName } from "../lib/page-language.ts";
import { topicsNeedingAttention } from "./attention.service.ts";
import { dashboardQueries } from "./dashboard.schema.ts";
import { type Period, wholeSite, wholeSiteTitle } from "./vocabulary.ts";

/** What the dashboard's data routes and its pages share: the catalog's words, owners, languages and queries. */
export function dashboardContext(deps: AppDeps) {
  const catalog = deps.internalTopics;
  const { languages } = catalog;
  /** The catalog's topics, or one owner's. */
  const topicsOf = (owner: string | undefined) =>
    catalog.all().filter((topic) => owner === undefined || topic.owner === owner);
  return {
    languages,
    queries: dashboardQueries(languages),
    titles: (topic: string) => (topic === wholeSite ? wholeSiteTitle : (catalog.title(topic) ?? topic)),
    /** A row of a language with its name, as the dashboard (in English) says it. */
    named: <T extends { lang: string }>(row: T) => ({ ...row, name: languageName(row.lang) }),
    // The catalog is the build's, fixed for the app's life: its owners are listed once.
    owners: [...new Set(catalog.all().flatMap((topic) => topic.owner ?? []))].sort((a, b) => a.localeCompare(b)),
    attention: (period: Period, owner: string | undefined) =>
      topicsNeedingAttention(deps.db, catalog, topicsOf(owner), period, deps.clock()),
    /** The overview's rows, one owner's topics only when one is chosen. */
    ownedBy: (owner: string | undefined) => {
      const ids = new Set(topicsOf(owner).map((topic) => topic.id));
      return (row: { topic: string }) => owner === undefined || ids.has(row.topic);
    },
  };
}

export type DashboardContext = ReturnType<typeof dashboardContext>;
