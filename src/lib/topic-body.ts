import topicBodies from "virtual:help-center/topic-bodies";
import type { MarkdownHeading } from "astro";
import type { AstroComponentFactory } from "astro/runtime/server/index.js";
import type { Audience } from "../config/build-options.ts";
import type { Topic, TopicTranslation } from "./topics.ts";

export interface TopicBody {
  Content: AstroComponentFactory;
  headings: MarkdownHeading[];
}

/**
 * A topic's body as one audience's site shows it. The internal site renders the topic's own
 * module; the public site renders its public variant, compiled without `<Internal>` blocks
 * (src/integrations/public-topic-variants.ts), or the topic's own module when its source has no
 * such block to drop.
 */
export function topicBody(topic: Topic | TopicTranslation, audience: Audience): TopicBody {
  const file = topic.filePath ?? topic.id;
  const modules = topicBodies[file];
  if (!modules)
    throw new Error(`${file}: no compiled module for this topic (src/integrations/public-topic-variants.ts)`);
  const variant = audience === "public" ? modules.public : undefined;
  if (!variant && audience === "public" && topic.body?.includes("Internal")) {
    // Never render a public page from a module that may hold internal text, whatever went wrong.
    throw new Error(`${file}: no public variant was compiled for a topic that names Internal`);
  }
  const module = variant ?? modules.own;
  return { Content: module.Content, headings: module.getHeadings() };
}
