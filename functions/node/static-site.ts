import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";
import { ApiError, Status } from "../app/errors.ts";

const singleRange = /^bytes=(\d+-\d*|-\d+)$/;

/** Hashed asset names never change content, so they may be cached for good; pages must revalidate. */
function cacheControlFor(requestPath: string): string {
  return requestPath.startsWith("/_astro/")
    ? "public, max-age=31536000, immutable"
    : "public, max-age=0, must-revalidate";
}

/**
 * Whether a path is one of the build's hashed assets (`/_astro/…`), listed once at start. Both
 * builds share these names, and a hashed name fixes the content: they need no session.
 */
export function hashedAssetsOf(root: string): (path: string) => boolean {
  const folder = join(root, "_astro");
  const names = new Set(existsSync(folder) ? readdirSync(folder) : []);
  return (path) => path.startsWith("/_astro/") && names.has(path.slice("/_astro/".length));
}

/** `/topics/x` → `/topics/x/` when that folder holds a page, so every page has one address. */
function folderRedirect(root: string, c: Context): Response | undefined {
  const path = c.req.path;
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  if (path.endsWith("/") || lastSegment.includes(".") || lastSegment.includes("%")) return undefined;
  if (!existsSync(join(root, path, "index.html"))) return undefined;
  const url = new URL(c.req.url);
  return c.redirect(`${path}/${url.search}`, 301);
}

/**
 * Serves one built site folder, with its own 404 page for anything it does not hold.
 * `private`: the folder is for signed-in employees only; nothing of it may be stored by any cache.
 */
export function staticSite(root: string, options: { private?: boolean } = {}): MiddlewareHandler {
  const cacheControl = (path: string) => (options.private ? "private, no-store" : cacheControlFor(path));
  const files = serveStatic({ root });
  // Read once: the folder is a finished build, and a burst of 404s should not mean a burst of reads.
  const notFoundFile = join(root, "404.html");
  const notFoundPage = existsSync(notFoundFile) ? readFileSync(notFoundFile, "utf8") : "<h1>Page not found</h1>";
  const notFound = (c: Context) => {
    c.header("Cache-Control", cacheControl("/404.html"));
    return c.html(notFoundPage, 404);
  };

  return async (c) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      throw new ApiError(Status.methodNotAllowed, "method_not_allowed", "Pages can only be read (GET or HEAD).", {
        headers: { Allow: "GET, HEAD" },
      });
    }
    // Build stamps and other dot-files are the build's business, not the reader's.
    if (c.req.path.split("/").some((segment) => segment.startsWith("."))) return notFound(c);
    // Only one byte range is served as a range; several (or a malformed one) get the whole file.
    const range = c.req.header("Range");
    if (range !== undefined && !singleRange.test(range)) c.req.raw.headers.delete("Range");
    // Set before answering: a response is built with the headers set so far.
    c.header("Cache-Control", cacheControl(c.req.path));
    const redirect = folderRedirect(root, c);
    if (redirect) return redirect;
    const found = await files(c, async () => {});
    return found ?? notFound(c);
  };
}
