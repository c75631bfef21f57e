import { defineMdastPlugin, type MdastPluginEntry, type PluginFactoryContext } from "satteri";
import type { Audience } from "../config/build-options.ts";

/** Matches `audience: internal` in a topic's YAML front matter. */
const internalFrontMatter = /^---\r?\n(?:[^\n]*\r?\n)*?audience:\s*["']?internal["']?\s*\r?\n(?:[^\n]*\r?\n)*?---/;

export function declaresInternalAudience(source: string): boolean {
  return internalFrontMatter.test(source);
}

const dropInternalBlocks = defineMdastPlugin({
  name: "help-center:drop-internal-blocks",
  mdxJsxFlowElement(node, ctx) {
    if (node.name === "Internal") ctx.removeNode(node);
  },
  mdxJsxTextElement(node, ctx) {
    if (node.name === "Internal") ctx.removeNode(node);
  },
});

const dropWholeDocument = defineMdastPlugin({
  name: "help-center:drop-internal-topic",
  before(root, ctx) {
    ctx.setProperty(root, "children", []);
  },
});

/**
 * For the public build, internal text must never enter the compiled site, not even its
 * server-side chunks: an empty component or `hidden` would still ship it somewhere. So every
 * `<Internal>` block, and the whole body of an internal-only topic, is dropped from the
 * syntax tree before MDX compiles it. The internal build keeps everything.
 */
export function audiencePlugin(audience: Audience): MdastPluginEntry {
  if (audience === "internal") return null;
  return (ctx: PluginFactoryContext) => (declaresInternalAudience(ctx.source) ? dropWholeDocument : dropInternalBlocks);
}
