declare module "virtual:help-center/topic-bodies" {
  import type { MarkdownHeading } from "astro";
  import type { AstroComponentFactory } from "astro/runtime/server/index.js";

  type TopicModule = { Content: AstroComponentFactory; getHeadings: () => MarkdownHeading[] };
  /**
   * Every topic's compiled modules, by the topic's file path: its own, and its public variant
   * compiled without its `<Internal>` blocks where its source names `Internal`.
   */
  const bodies: Record<string, { own: TopicModule; public?: TopicModule }>;
  export default bodies;
}
