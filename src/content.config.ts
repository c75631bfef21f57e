import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { buildOptions } from "./lib/build.ts";
import { alertSchema, pageSchema, topicSchema } from "./lib/content-schemas.ts";

const from = (folder: string) => `${buildOptions.contentDir}/${folder}`;

export const collections = {
  topics: defineCollection({
    loader: glob({ pattern: "**/*.mdx", base: from("topics") }),
    schema: topicSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: "**/*.mdx", base: from("pages") }),
    schema: pageSchema,
  }),
  alerts: defineCollection({
    loader: glob({ pattern: "**/*.md", base: from("alerts") }),
    schema: alertSchema,
  }),
};
