import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { baseUrl } from "../support/browser.ts";
import { contentByAudience } from "../support/content-audiences.ts";
import { signInAs } from "../support/sign-in.ts";
import { normalize, visibleText } from "../support/site-text.ts";

const { secretRuns, secretWords } = contentByAudience();
const maxRequests = 3_000;

/** Every file path of a built folder, as the URL path that would serve it. */
function pathsIn(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${relative(root, join(e.parentPath, e.name)).split(sep).join("/")}`.replace(/index\.html$/, ""));
}

/** Same-site addresses a response points at: links, assets, imports, CSS urls. */
function linksIn(text: string, from: string): string[] {
  const found = [
    ...text.matchAll(/(?:href|src|action|component-url|renderer-url)="([^"#]+)/g),
    ...text.matchAll(/url\(["']?([^"')]+)/g),
    ...text.matchAll(/(?:import|from)\s*\(?["']([^"']+\.m?js)["']/g),
    ...text.matchAll(/<loc>([^<]+)<\/loc>/g),
  ].map((m) => m[1] ?? "");
  return found.flatMap((link) => {
    try {
      const url = new URL(link.replaceAll("&amp;", "&"), new URL(from, baseUrl()));
      return url.origin === new URL(baseUrl()).origin ? [`${url.pathname}${url.search}`] : [];
    } catch {
      return [];
    }
  });
}

interface Crawl {
  leaks: string[];
  requests: number;
}

async function crawl(cookie: string | undefined): Promise<Crawl> {
  const queue = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/topics.json",
    "/pagefind/pagefind-entry.json",
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
    const response = await fetch(`${baseUrl()}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
      redirect: "manual",
    });
    const location = response.headers.get("location");
    if (location) queue.push(...linksIn(`href="${location}"`, path));
    let bytes = Buffer.from(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const raw = bytes.toString("utf8");
    if (/html|css|javascript|xml|json/.test(response.headers.get("content-type") ?? ""))
      queue.push(...linksIn(raw, path));
    const text = normalize(raw);
    const words = new Set(normalize(visibleText(raw)).split(" "));
    for (const run of secretRuns) if (text.includes(run)) leaks.push(`${path}: “${run}”`);
    for (const word of secretWords)
      if (words.has(word) && !/\.(js|css|wasm)$|wasm\./.test(path)) leaks.push(`${path}: word “${word}”`);
  }
  return { leaks, requests: seen.size };
}

async function employeeCookie(): Promise<string> {
  return signInAs(fetch, inject("employee"), { base: baseUrl() });
}

describe("crawling the real server", () => {
  it("finds no internal text anywhere an anonymous reader can reach, internal paths asked for directly included", async () => {
    const anonymous = await crawl(undefined);
    expect(anonymous.requests).toBeGreaterThan(50);
    expect(anonymous.leaks).toEqual([]);
  });

  it("finds the internal text when the same crawl is signed in", async () => {
    const signedIn = await crawl(await employeeCookie());
    expect(signedIn.leaks.some((l) => l.startsWith("/topics/temporary-login-code/"))).toBe(true);
    expect(signedIn.leaks.some((l) => l.startsWith("/topics/internal-admin-temporary-code/"))).toBe(true);
    expect(signedIn.leaks.some((l) => l.startsWith("/pagefind/"))).toBe(true);
  });
});
