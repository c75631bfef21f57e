import { render } from "astro:content";
import publicVariants from "virtual:help-center/public-topic-bodies";
import type { MarkdownHeading } from "astro";
import type { Audience } from "../config/build-options.ts";
import type { Topic, TopicTranslation } from "./topics.ts";

export interface TopicBody {
  Content: Awaited<ReturnType<typeof render>>["Content"];
  headings: MarkdownHeading[];
}

/**
 * Each entry's own module as rendered, by collection and id: a topic whose source names no
 * `Internal` is one module for both sites, whose pages (and each language's page falling back to
 * the original) then share one lookup instead of making it per page. (Astro's experimental
 * incremental build, which records the entries each page renders, is not used.)
 */
const rendered = new Map<string, Promise<TopicBody>>();

function renderedOnce(topic: Topic | TopicTranslation): Promise<TopicBody> {
  const key = `${topic.collection}/${topic.id}`;
  let body = rendered.get(key);
  if (!body) {
    body = render(topic).then(({ Content, headings }) => ({ Content, headings }));
    rendered.set(key, body);
  }
  return body;
}

/**
 * A topic's body as one audience's site shows it. The internal site renders the topic's own
 * module; the public site renders its public variant, compiled without `<Internal>` blocks
 * (src/integrations/public-topic-variants.ts), or the topic's own module when its source has no
 * such block to drop.
 */
export async function topicBody(topic: Topic | TopicTranslation, audience: Audience): Promise<TopicBody> {
  const variant = audience === "public" && topic.filePath ? publicVariants[topic.filePath] : undefined;
  if (!variant && audience === "public" && topic.body?.includes("Internal")) {
    // Never render a public page from a module that may hold internal text, whatever went wrong.
    throw new Error(`${topic.filePath ?? topic.id}: no public variant was compiled for a topic that names Internal`);
  }
  if (!variant) return renderedOnce(topic);
  const module = await variant();
  return { Content: module.Content, headings: module.getHeadings() };
}
