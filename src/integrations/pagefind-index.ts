import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { writeSearchIndex } from "./search-index.ts";

/**
 * Indexes the finished build with Pagefind, then writes the search index the site's search runs
 * on from Pagefind's fragments (search-index.ts). Each audience build indexes only its own HTML,
 * so the public indexes can never hold internal text.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "help-center:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: siteDir });
          if (added.errors.length > 0) throw new Error(added.errors.join("; "));
          const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join("; "));
          const pages = writeSearchIndex(siteDir);
          logger.info(`Pagefind indexed ${added.page_count} pages; the search index holds ${pages}`);
        } catch (error) {
          throw new Error("Building the search index failed", { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
