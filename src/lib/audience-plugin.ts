import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { defineMdastPlugin, type MdastPluginEntry, type PluginFactoryContext } from "satteri";

/** A topic's YAML front matter: the block between the first two `---` lines. */
const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const internalAudience = /^audience:\s*["']?internal["']?\s*$/m;

/** Whether a module is a topic's public variant: addressed under the folder public variants live in. */
export function isPublicVariant(file: string, variantsRoot: string): boolean {
  return file.startsWith(variantsRoot + sep);
}

/** Whether a topic's front matter (and not its body, which may show such a line) says `audience: internal`. */
export function declaresInternalAudience(source: string): boolean {
  return internalAudience.test(frontMatter.exec(source)?.[1] ?? "");
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
