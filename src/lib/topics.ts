import { type CollectionEntry, getCollection } from "astro:content";
import type { Audience } from "../config/build-options.ts";
import { localizedPath, untranslatedAnchor } from "../shared/i18n/languages.ts";
import { loadLanguages } from "./languages.ts";
import { assertRelatedTopicsExist } from "./related-topics.ts";
import { categoryNames, translationsByLanguage, writtenIn } from "./translations.ts";

export type Topic = CollectionEntry<"topics">;
export type TopicTranslation = CollectionEntry<"topicTranslations">;

interface TopicLibrary {
  /** Every topic that is not a draft. */
  topics: Topic[];
  /** Each language's published translations, by topic id. */
  translations: Map<string, Map<string, TopicTranslation>>;
  /** Each language's category names, by the original's category. */
  categories: Map<string, Map<string, string>>;
}

let loaded: Promise<TopicLibrary> | undefined;

/** Every topic and translation, checked once over all of them. */
function library(): Promise<TopicLibrary> {
  loaded ??= loadLibrary();
  return loaded;
}

async function loadLibrary(): Promise<TopicLibrary> {
  const all = await getCollection("topics");
  // Checked over every topic, so a broken link fails the build with a message naming the file.
  assertRelatedTopicsExist(
    all.map((t) => ({
      id: t.id,
      filePath: t.filePath ?? `content/topics/${t.id}.mdx`,
      audience: t.data.audience,
      related: t.data.related,
    })),
  );
  const byId = new Map(all.map((t) => [t.id, t]));
  const entries = await getCollection("topicTranslations");
  const byLanguage = translationsByLanguage(entries, new Set(byId.keys()), loadLanguages(), "content/topics");
  const problems: string[] = [];
  const originalCategories = [...new Set(all.map((t) => t.data.category))];
  const translations = new Map<string, Map<string, TopicTranslation>>();
  const categories = new Map<string, Map<string, string>>();
  for (const [lang, ofLanguage] of byLanguage) {
    const named = categoryNames(
      [...ofLanguage].map(([id, t]) => ({
        filePath: t.filePath,
        original: byId.get(id)?.data.category ?? "",
        name: t.data.category,
      })),
      originalCategories,
    );
    problems.push(...named.problems);
    categories.set(lang, named.names);
    for (const [id, t] of ofLanguage) {
      const original = byId.get(id);
      if (original && t.data.audience !== original.data.audience)
        problems.push(
          `${t.filePath}: audience: "${t.data.audience}", but its original is "${original.data.audience}"; a translation is for the same readers`,
        );
    }
    translations.set(lang, new Map([...ofLanguage].filter(([id, t]) => !t.data.draft && !byId.get(id)?.data.draft)));
  }
  if (problems.length > 0) throw new Error(`Translations:\n  ${problems.join("\n  ")}`);
  return { topics: all.filter((t) => !t.data.draft), translations, categories };
}

/** The topics one audience's site publishes: internal-only topics only on the internal site. */
export async function publishedTopics(audience: Audience): Promise<Topic[]> {
  const { topics } = await library();
  return audience === "internal" ? topics : topics.filter((t) => t.data.audience === "public");
}

/** The topics marked `popular`, at most five: where a reader who found nothing is sent. */
export async function popularTopics(audience: Audience): Promise<Topic[]> {
  return (await publishedTopics(audience)).filter((topic) => topic.data.popular).slice(0, 5);
}

export function topicPath(id: string): string {
  return `/topics/${id}/`;
}

/** A topic as one language's pages show it: translated, or the original with its language said. */
export interface LocalizedTopic {
  id: string;
  original: Topic;
  translation: TopicTranslation | undefined;
  /** The language its words are in: the page's when translated, else the default's. */
  lang: string;
  title: string;
  description: string;
  /** The original's category, which groups topics in every language. */
  category: string;
  /** The category as this language names it. */
  categoryName: string;
  keywords: string[];
  readers: Topic["data"]["readers"];
  updated: Date;
  /** Its page: the translation's, or the original's with the notice for this language in view. */
  href: string;
}

/** One topic in `lang`; `translation` is the translation in that language, if published. */
function localize(
  original: Topic,
  translation: TopicTranslation | undefined,
  lang: string,
  names?: Map<string, string>,
) {
  const { default: fallback } = loadLanguages();
  const words = translation?.data ?? original.data;
  const path = topicPath(original.id);
  return {
    id: original.id,
    original,
    translation,
    lang: translation ? lang : fallback.code,
    title: words.title,
    description: words.description,
    category: original.data.category,
    categoryName: names?.get(original.data.category) ?? original.data.category,
    keywords: words.keywords,
    readers: words.readers,
    updated: words.updated,
    href:
      translation || lang === fallback.code
        ? localizedPath(path, lang, fallback.code)
        : `${path}#${untranslatedAnchor(lang)}`,
  } satisfies LocalizedTopic;
}

/** Every topic one audience publishes, as `lang`'s pages list them. */
export async function topicsIn(audience: Audience, lang: string): Promise<LocalizedTopic[]> {
  const { translations, categories } = await library();
  const ofLanguage = translations.get(lang);
  return (await publishedTopics(audience)).map((t) => localize(t, ofLanguage?.get(t.id), lang, categories.get(lang)));
}

/** The languages a topic is published in: the default, and each with a published translation. */
export async function topicLanguages(id: string): Promise<string[]> {
  return writtenIn(id, (await library()).translations, loadLanguages());
}

/** A category's name in `lang`. */
export async function categoryNameIn(category: string, lang: string): Promise<string> {
  return (await library()).categories.get(lang)?.get(category) ?? category;
}
