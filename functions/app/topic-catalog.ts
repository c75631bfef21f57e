import { z } from "zod";
import { referenceLanguage } from "../../src/shared/i18n/catalogues.ts";
import { localizedPath } from "../../src/shared/i18n/languages.ts";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A translation's words: what Needs attention matches that language's failed searches against. */
const wordsSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});

const topicSchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  /** The languages it is written in, the default first. Default: the site's default language only. */
  languages: z.array(z.string()).optional(),
  /** The employees' manifest only: each translation's words, by language. */
  translations: z.record(z.string(), wordsSchema).optional(),
  /** The employees' manifest only: what the writers' dashboard shows and filters by. */
  category: z.string().optional(),
  /** The words it is found by: Needs attention matches searches that found nothing against them. */
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  updated: isoDay.optional(),
  owner: z.string().optional(),
  reviewBy: isoDay.optional(),
});

/** The site's languages, as content/languages.json declares them (codes only: the server needs no more). */
const languagesSchema = z.object({ default: z.string(), all: z.array(z.string()).min(1) });
export type SiteLanguageCodes = z.infer<typeof languagesSchema>;

const manifestSchema = z.object({
  audience: z.enum(["public", "internal"]),
  /** Default: one language, the catalogues' own (a manifest written before languages). */
  languages: languagesSchema.default({ default: referenceLanguage, all: [referenceLanguage] }),
  topics: z.array(topicSchema),
});

export type CatalogTopic = z.infer<typeof topicSchema>;

/** The topics a build published, read from its `/topics.json`. */
export interface TopicCatalog {
  /** The languages the site speaks, the default first. */
  languages: SiteLanguageCodes;
  has(id: string): boolean;
  /**
   * The topic's page in `lang` where it is written in it, else the original's (in the default
   * language); without `lang`, the original's.
   */
  path(id: string, lang?: string): string | undefined;
  title(id: string): string | undefined;
  /** Everything the manifest says of a topic. */
  get(id: string): CatalogTopic | undefined;
  all(): readonly CatalogTopic[];
}

export function topicCatalog(manifest: unknown): TopicCatalog {
  const parsed = parseOrExplain(manifestSchema, manifest, "The build's topics.json is not a topic manifest");
  const byId = new Map(parsed.topics.map((t) => [t.id, t]));
  const { languages } = parsed;
  return {
    languages,
    has: (id) => byId.has(id),
    path: (id, lang = languages.default) => {
      const topic = byId.get(id);
      if (!topic) return undefined;
      const writtenIn = topic.languages ?? [languages.default];
      return writtenIn.includes(lang) ? localizedPath(topic.path, lang, languages.default) : topic.path;
    },
    title: (id) => byId.get(id)?.title,
    get: (id) => byId.get(id),
    all: () => parsed.topics,
  };
}
