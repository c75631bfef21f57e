import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { buildOptions } from "./lib/build.ts";
import {
  alertSchema,
  alertTranslationSchema,
  pageSchema,
  topicSchema,
  topicTranslationSchema,
} from "./lib/content-schemas.ts";

const from = (folder: string) => `${buildOptions.contentDir}/${folder}`;

/**
 * Originals sit in their folder, translations one folder down, in a folder named after their
 * language: `topics/temporary-login-code.mdx`, `topics/de/temporary-login-code.mdx`
 * (src/lib/translations.ts checks both).
 */
export const collections = {
  topics: defineCollection({ loader: glob({ pattern: "*.mdx", base: from("topics") }), schema: topicSchema }),
  topicTranslations: defineCollection({
    loader: glob({ pattern: "*/*.mdx", base: from("topics") }),
    schema: topicTranslationSchema,
  }),
  pages: defineCollection({ loader: glob({ pattern: "*.mdx", base: from("pages") }), schema: pageSchema }),
  pageTranslations: defineCollection({ loader: glob({ pattern: "*/*.mdx", base: from("pages") }), schema: pageSchema }),
  alerts: defineCollection({ loader: glob({ pattern: "*.md", base: from("alerts") }), schema: alertSchema }),
  alertTranslations: defineCollection({
    loader: glob({ pattern: "*/*.md", base: from("alerts") }),
    schema: alertTranslationSchema,
  }),
};
