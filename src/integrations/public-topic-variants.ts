import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { isPublicVariant } from "../lib/audience-plugin.ts";

/**
 * One build renders every topic for both sites, but a public page must never be rendered from a
 * module that holds internal text. So a public topic with an `<Internal>` block gets a second
 * module of its own: the same source under another address (a folder beside `topics/` that does
 * not exist on disk), which the audience plugin (src/lib/audience-plugin.ts) compiles without its
 * internal blocks. A topic whose source never names `Internal` has no such block to drop: its one
 * module serves both sites, and so the MDX compiler runs once per file and audience only where the
 * two differ.
 *
 * Pages find both kinds in one virtual module, by the topic's file path: its own module (the very
 * module the content collection compiled, under the same address, so compiled once) and its public
 * variant where it has one. Astro's `render()` would load the own module too, but makes each call
 * cost a formatted stack trace and three dynamic imports (a third of a millisecond a topic).
 */
export const topicBodiesModule = "virtual:help-center/topic-bodies";
const resolvedModule = `\0${topicBodiesModule}`;

/** The folder public variants are addressed under: a sibling of `topics/`, so relative imports resolve alike. */
export function publicVariantsRoot(contentDir: string): string {
  return resolve(contentDir, "topics~public");
}

/**
 * Whether a topic's source could hold an `<Internal>` block (a JSX name is written out in full).
 * Decided on the text alone, whatever the front matter says: an internal-only topic's variant is
 * compiled empty and never rendered, and no misread front matter can leave a block in place.
 */
export function needsPublicVariant(source: string): boolean {
  return source.includes("Internal");
}

/**
 * The virtual module pages load topic bodies from: for each topic, by its file path as the content
 * collection records it (relative to the project's root, which `contentDir` must be absolute
 * under), its own module and, where it needs one, its public variant.
 */
export function publicTopicVariants(contentDir: string, projectRoot: string): Plugin {
  const topicsDir = resolve(contentDir, "topics");
  const variantsRoot = publicVariantsRoot(contentDir);
  // The bundler calls a hook only for the ids its filter lets through: without one, every module
  // of the build (tens of thousands of resolutions) went through both hooks.
  const variantIds = new RegExp(`^${escapeRegExp(variantsRoot + sep)}`);
  return {
    name: "help-center:public-topic-variants",
    enforce: "pre",
    resolveId: {
      filter: { id: [new RegExp(`^${escapeRegExp(topicBodiesModule)}$`), variantIds] },
      handler(id) {
        if (id === topicBodiesModule) return resolvedModule;
        if (!isPublicVariant(id, variantsRoot)) return undefined;
        // A variant is a topic's MDX; anything else a topic refers to is the real file beside it.
        return id.endsWith(".mdx") ? id : join(topicsDir, relative(variantsRoot, id));
      },
    },
    load: {
      filter: { id: [new RegExp(`^${escapeRegExp(resolvedModule)}$`), variantIds] },
      handler(id) {
        if (isPublicVariant(id, variantsRoot)) return readFileSync(join(topicsDir, relative(variantsRoot, id)), "utf8");
        if (id !== resolvedModule) return undefined;
        // Imported, not loaded on demand: every page renders from the one chunk that holds them all
        // (astro.config.mjs), and a dynamic import cost each topic a tenth of a millisecond.
        const imports: string[] = [];
        const imported = (file: string) => {
          imports.push(`import * as m${imports.length} from ${JSON.stringify(file)};`);
          return `m${imports.length - 1}`;
        };
        const entries = readdirSync(topicsDir, { recursive: true, encoding: "utf8" })
          .filter((name) => name.endsWith(".mdx"))
          .sort()
          .map((name) => {
            const file = join(topicsDir, name);
            const key = relative(projectRoot, file).split(sep).join("/");
            const variant = needsPublicVariant(readFileSync(file, "utf8"))
              ? `, public: ${imported(join(variantsRoot, name))}`
              : "";
            return `  ${JSON.stringify(key)}: { own: ${imported(file)}${variant} },`;
          });
        return `${imports.join("\n")}\nexport default {\n${entries.join("\n")}\n};\n`;
      },
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
