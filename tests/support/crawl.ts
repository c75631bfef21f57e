import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { contentByAudience } from "./content-audiences.ts";
import { checkedText, normalize, visibleText, wordCheck } from "./site-text.ts";

const { secretRuns, secretWords } = contentByAudience();
const maxRequests = 3_000;

/** Every file path of a built folder, as the URL path that would serve it. */
function pathsIn(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${relative(root, join(e.parentPath, e.name)).split(sep).join("/")}`.replace(/index\.html$/, ""));
}

/** Same-site addresses a response points at: links, assets, imports, CSS urls. */
function linksIn(base: string, text: string, from: string): string[] {
  const found = [
    ...text.matchAll(/(?:href|src|action|component-url|renderer-url)="([^"#]+)/g),
    ...text.matchAll(/url\(["']?([^"')]+)/g),
    ...text.matchAll(/(?:import|from)\s*\(?["']([^"']+\.m?js)["']/g),
    ...text.matchAll(/<loc>([^<]+)<\/loc>/g),
  ].map((m) => m[1] ?? "");
  return found.flatMap((link) => {
    try {
      const url = new URL(link.replaceAll("&amp;", "&"), new URL(from, base));
      // Beginning a sign-in only sends the reader to the provider, and counts against the client's limit.
      if (url.pathname === "/api/auth/oidc/start") return [];
      // A dashboard view with other filters (period, language, sort, topic…) is the same page with
      // other figures: each view is read once, not once per combination of its filters.
      if (url.pathname.startsWith("/dashboard/") && url.search !== "") return [];
      return url.origin === new URL(base).origin ? [`${url.pathname}${url.search}`] : [];
    } catch {
      return [];
    }
  });
}

export interface Crawl {
  leaks: string[];
  requests: number;
}

/**
 * Follows every same-site link from the home page, the sitemap, the manifests and every path
 * of the internal build asked for directly, and reports each internal sentence or word found
 * in what came back. With `cookie`, as a signed-in employee.
 */
export async function crawl(base: string, cookie: string | undefined): Promise<Crawl> {
  const queue = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/topics.json",
    "/search-index.json",
    "/topics/internal-admin-temporary-code/",
    "/topics/internal-admin-temporary-code",
    ...pathsIn("dist-internal"),
  ];
  const seen = new Set<string>();
  const leaks: string[] = [];
  while (queue.length > 0 && seen.size < maxRequests) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await fetch(`${base}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
      redirect: "manual",
    });
    const location = response.headers.get("location");
    if (location) queue.push(...linksIn(base, `href="${location}"`, path));
    const raw = checkedText(path, await response.text());
    const type = response.headers.get("content-type") ?? "";
    if (/html|css|javascript|xml|json/.test(type)) queue.push(...linksIn(base, raw, path));
    // By what came back: an internal text's address answers an anonymous reader with the 404 page.
    const markup = !/json/.test(type);
    const text = normalize(raw, { markup });
    const has = wordCheck(path, raw, new Set(normalize(markup ? visibleText(raw) : raw, { markup }).split(" ")));
    for (const run of secretRuns) if (text.includes(run)) leaks.push(`${path}: “${run}”`);
    for (const word of secretWords) if (has(word) && !/\.(js|css)$/.test(path)) leaks.push(`${path}: word “${word}”`);
  }
  return { leaks, requests: seen.size };
}
