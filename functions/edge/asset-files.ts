import type { StatusCode } from "hono/utils/http-status";
import { type BuiltFiles, languageFolderOf } from "../app/site/static-site.ts";
import type { AssetsBinding } from "./env.ts";

/**
 * Where each build sits among the Worker's static assets. Every request reaches the Worker
 * first (`run_worker_first`), so no URL reaches these folders directly: the Worker decides
 * which build a reader gets, as the Node server does.
 */
export const assetFolders = { public: "/public", internal: "/internal" } as const;

const textTypes = /^(text\/|application\/xml|image\/svg\+xml)/;

const assetUrl = (path: string) => new URL(path, "https://assets.invalid");

/** One build among the static assets, for the runtime-independent static site. */
export function assetFiles(assets: AssetsBinding, folder: string): BuiltFiles {
  let notFound: Promise<string> | undefined;
  /** Each language's 404 page, once found; a folder with none is asked again (remembering every guess would grow without end). */
  const inLanguage = new Map<string, string>();
  return {
    async get(c, path, range) {
      const file = `${folder}${path.endsWith("/") ? `${path}index.html` : path}`;
      const answer = await assets.fetch(
        new Request(assetUrl(file), { method: c.req.method, headers: range ? { Range: range } : {} }),
      );
      if (answer.status === 404) return undefined;
      const headers = new Headers(answer.headers);
      const type = headers.get("Content-Type");
      // Text is UTF-8 in these builds; say so, as the Node server does.
      if (type && textTypes.test(type) && !type.includes("charset"))
        headers.set("Content-Type", `${type}; charset=utf-8`);
      // The static site set its caching rule (private, immutable…); the platform's own would contradict it.
      headers.delete("Cache-Control");
      // Answered through the context, as Node's serveStatic does: what the app set (caching, Vary) stays.
      return c.newResponse(answer.body, { status: answer.status as StatusCode, headers });
    },
    async hasPage(path) {
      const answer = await assets.fetch(new Request(assetUrl(`${folder}${path}/index.html`), { method: "HEAD" }));
      return answer.ok;
    },
    notFoundPage: async (path) => {
      notFound ??= readAsset(assets, `${folder}/404.html`).then((page) => page ?? "<h1>Page not found</h1>");
      const language = languageFolderOf(path);
      const known = language && inLanguage.get(language);
      if (known) return known;
      const page = language ? await readAsset(assets, `${folder}/${language}/404.html`) : undefined;
      if (language && page) inLanguage.set(language, page);
      return page ?? notFound;
    },
  };
}

/** A build file's text, or undefined when the build has none. */
export async function readAsset(assets: AssetsBinding, path: string): Promise<string | undefined> {
  const answer = await assets.fetch(assetUrl(path).toString());
  return answer.ok ? answer.text() : undefined;
}
