import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../errors.ts";
import { type CachePolicy, setCachePolicy } from "../lib/cache-control.ts";

/** A finished build's files, as a runtime reaches them (a folder on Node, static assets on the edge). */
export interface BuiltFiles {
  /**
   * The file at `path` (`/topics/x/` means its `index.html`), with its content type, or
   * undefined when the build has none. `range` is a single byte range to answer, if any.
   */
  get(c: Context, path: string, range: string | undefined): Promise<Response | undefined>;
  /** Whether `folder` (no trailing slash) holds a page, so `/folder` should redirect to `/folder/`. */
  hasPage(folder: string): Promise<boolean>;
  /**
   * The build's own 404 page in the language of the address asked for: the one in the address's
   * first folder (`/de/…` → `de/404.html`) where the build has one, else the default language's.
   */
  notFoundPage(path: string): Promise<string>;
}

/** The folder a language's pages sit in, as far as an address can say: its first folder, if it looks like a language tag. */
export function languageFolderOf(path: string): string | undefined {
  const folder = /^\/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\//.exec(path)?.[1];
  return folder;
}

const singleRange = /^bytes=(\d+-\d*|-\d+)$/;

/** Hashed asset names never change content, so they may be cached for good; pages must revalidate. */
function cachePolicyFor(path: string, isPrivate: boolean): CachePolicy {
  if (isPrivate) return "privateNoStore";
  return path.startsWith("/_astro/") ? "immutableAsset" : "revalidatePage";
}

/** `/topics/x` (no dot, no escape, no trailing slash) may be a folder's page. */
function mayBeFolder(path: string): boolean {
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  return !path.endsWith("/") && !lastSegment.includes(".") && !lastSegment.includes("%");
}

/**
 * Serves one build the same way on every runtime: GET and HEAD only (405 with `Allow`
 * otherwise), dot-files never, `/x` → 301 `/x/` when that folder holds a page, one byte range
 * at most (several get the whole file), the build's own 404 page, and caching rules by kind.
 * `private`: the build is for signed-in employees only; nothing of it may be stored by a cache.
 */
export function staticSite(files: BuiltFiles, options: { private?: boolean } = {}): MiddlewareHandler {
  const isPrivate = options.private === true;
  const notFound = async (c: Context) => {
    setCachePolicy(c, cachePolicyFor("/404.html", isPrivate));
    return c.html(await files.notFoundPage(c.req.path), 404);
  };

  return async (c) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      throw new ApiError("method_not_allowed", "Pages can only be read (GET or HEAD).", {
        headers: { Allow: "GET, HEAD" },
      });
    }
    const path = c.req.path;
    // Build stamps, manifests and other dot-files are the build's business, not the reader's.
    if (path.split("/").some((segment) => segment.startsWith("."))) return notFound(c);
    // Set before answering: a response is built with the headers set so far.
    setCachePolicy(c, cachePolicyFor(path, isPrivate));
    if (mayBeFolder(path) && (await files.hasPage(path))) {
      return c.redirect(`${path}/${new URL(c.req.url).search}`, 301);
    }
    const range = c.req.header("Range");
    const found = await files.get(c, path, range !== undefined && singleRange.test(range) ? range : undefined);
    return found ?? notFound(c);
  };
}
