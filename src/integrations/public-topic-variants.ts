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
 */
export const publicTopicBodiesModule = "virtual:help-center/public-topic-bodies";
const resolvedModule = `\0${publicTopicBodiesModule}`;

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
 * The virtual module public pages load topic bodies from: for each topic that needs its own public
 * module, its file path as the content collection records it (relative to the project's root, which
 * `contentDir` must be absolute under) and a loader for that module.
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
      filter: { id: [new RegExp(`^${escapeRegExp(publicTopicBodiesModule)}$`), variantIds] },
      handler(id) {
        if (id === publicTopicBodiesModule) return resolvedModule;
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
        const entries = readdirSync(topicsDir, { recursive: true, encoding: "utf8" })
          .filter((name) => name.endsWith(".mdx") && needsPublicVariant(readFileSync(join(topicsDir, name), "utf8")))
          .sort()
          .map((name) => {
            const key = relative(projectRoot, join(topicsDir, name)).split(sep).join("/");
            return `  ${JSON.stringify(key)}: () => import(${JSON.stringify(join(variantsRoot, name))}),`;
          });
        return `export default {\n${entries.join("\n")}\n};\n`;
      },
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
