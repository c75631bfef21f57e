declare module "virtual:help-center/public-topic-bodies" {
  import type { MarkdownHeading } from "astro";
  import type { AstroComponentFactory } from "astro/runtime/server/index.js";

  /** A public topic's variant compiled without its `<Internal>` blocks, by the topic's file path. */
  const variants: Record<
    string,
    () => Promise<{ Content: AstroComponentFactory; getHeadings: () => MarkdownHeading[] }>
  >;
  export default variants;
}
