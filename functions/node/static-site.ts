import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { type BuiltFiles, languageFolderOf, staticSite } from "../app/site/static-site.ts";

/**
 * Whether a path is one of the build's hashed assets (`/_astro/…`), listed once at start. Both
 * builds share these names, and a hashed name fixes the content: they need no session.
 */
export function hashedAssetsOf(root: string): (path: string) => boolean {
  const folder = join(root, "_astro");
  const names = new Set(existsSync(folder) ? readdirSync(folder) : []);
  return (path) => path.startsWith("/_astro/") && names.has(path.slice("/_astro/".length));
}

/** A build folder on disk, read by @hono/node-server (content types, ranges, streaming). */
function folderFiles(root: string): BuiltFiles {
  const files = serveStatic({ root });
  // Read once, every language's: the folder is a finished build, and a burst of 404s should not mean a burst of reads.
  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);
  const notFoundPage = read(join(root, "404.html")) ?? "<h1>Page not found</h1>";
  const folders = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
  const inLanguage = new Map(
    folders.flatMap((e) => {
      const page = read(join(root, e.name, "404.html"));
      return page ? [[e.name, page] as const] : [];
    }),
  );
  return {
    async get(c, _path, range) {
      if (range === undefined) c.req.raw.headers.delete("Range");
      return (await files(c, async () => {})) ?? undefined;
    },
    hasPage: async (folder) => existsSync(join(root, folder, "index.html")),
    notFoundPage: async (path) => inLanguage.get(languageFolderOf(path) ?? "") ?? notFoundPage,
  };
}

/** Serves one built site folder (see app/site/static-site.ts for what every runtime does alike). */
export function folderSite(root: string, options: { private?: boolean } = {}): MiddlewareHandler {
  return staticSite(folderFiles(root), options);
}
