import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { defineMdastPlugin, type MdastPluginEntry, type PluginFactoryContext } from "satteri";

/** Matches `audience: internal` in a topic's YAML front matter. */
const internalFrontMatter = /^---\r?\n(?:[^\n]*\r?\n)*?audience:\s*["']?internal["']?\s*\r?\n(?:[^\n]*\r?\n)*?---/;

/** Whether a module is a topic's public variant: addressed under the folder public variants live in. */
export function isPublicVariant(file: string, variantsRoot: string): boolean {
  return file.startsWith(variantsRoot + sep);
}

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
 * A public page must hold no internal text, not even in the module it is rendered from: an empty
 * component or `hidden` would still ship it somewhere. So every `<Internal>` block, and the whole
 * body of an internal-only topic, is dropped from the syntax tree before MDX compiles a topic's
 * public variant (the modules src/integrations/public-topic-variants.ts addresses under
 * `variantsRoot`). Every other module, the internal site's, keeps everything.
 */
export function audiencePlugin(variantsRoot: string): MdastPluginEntry {
  return (ctx: PluginFactoryContext) => {
    if (!ctx.fileURL || !isPublicVariant(fileURLToPath(ctx.fileURL), variantsRoot)) return null;
    return declaresInternalAudience(ctx.source) ? dropWholeDocument : dropInternalBlocks;
  };
}
