import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { folderSite, hashedAssetsOf } from "../../functions/node/static-site.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { createTestApp } from "../support/test-app.ts";

let app: Awaited<ReturnType<typeof createTestApp>>["app"];

beforeAll(async () => {
  const root = scratchDir("site");
  mkdirSync(join(root, "topics", "a"), { recursive: true });
  mkdirSync(join(root, "_astro"));
  writeFileSync(join(root, "index.html"), "<h1>Home</h1>");
  writeFileSync(join(root, "topics", "a", "index.html"), "<h1>Topic A</h1>");
  writeFileSync(join(root, "404.html"), "<h1>Page not found</h1>");
  writeFileSync(join(root, "_astro", "app.1234.js"), "console.log(1)");
  writeFileSync(join(root, ".build-stamp"), "built from abc123");
  app = (
    await createTestApp({
      sites: {
        public: folderSite(root),
        internal: folderSite(root, { private: true }),
        isPublicAsset: hashedAssetsOf(root),
      },
      wrapDb: (db) => {
        const counting = new Proxy(db, {
          get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver);
            if (typeof value !== "function") return value;
            return (...args: unknown[]) => {
              databaseCalls++;
              return value.apply(target, args);
            };
          },
        });
        return counting;
      },
    })
  ).app;
});

let databaseCalls = 0;

describe("the Node static site", () => {
  it("serves a topic page at its folder address", async () => {
    const response = await app.request("/topics/a/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toBe("<h1>Topic A</h1>");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });

  it("redirects the address without its trailing slash, keeping the query", async () => {
    const response = await app.request("/topics/a?from=mail");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/topics/a/?from=mail");
  });

  it("answers a missing page with the site's 404 page and status", async () => {
    const response = await app.request("/topics/zzz/");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("serves hashed assets without looking up the session: they are the same for everyone", async () => {
    databaseCalls = 0;
    const asset = await app.request("/_astro/app.1234.js", { headers: { Cookie: "session=some-token" } });
    expect(asset.status).toBe(200);
    expect(databaseCalls).toBe(0);
    await app.request("/topics/a/", { headers: { Cookie: "session=some-token" } });
    expect(databaseCalls).toBeGreaterThan(0);
  });

  it("lets browsers keep hashed assets for a year", async () => {
    const response = await app.request("/_astro/app.1234.js");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("refuses to walk out of the site folder", async () => {
    const response = await app.request("/%2e%2e/%2e%2e/etc/passwd");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("root:");
  });

  it("refuses methods other than GET and HEAD on pages with 405, Allow and the JSON error shape", async () => {
    const response = await app.request("/topics/a/", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("keeps build stamps and other dot-files to itself", async () => {
    for (const path of ["/.build-stamp", "/_astro/../.build-stamp", "/.git/config"]) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("abc123");
    }
  });

  it("serves one byte range as 206, several as the whole file with 200, and an impossible one as 416", async () => {
    const one = await app.request("/_astro/app.1234.js", { headers: { Range: "bytes=0-6" } });
    expect(one.status).toBe(206);
    expect(await one.text()).toBe("console");
    const several = await app.request("/_astro/app.1234.js", { headers: { Range: "bytes=0-1,4-6" } });
    expect(several.status).toBe(200);
    expect(several.headers.get("content-range")).toBeNull();
    expect(await several.text()).toBe("console.log(1)");
    const impossible = await app.request("/_astro/app.1234.js", { headers: { Range: "bytes=500-600" } });
    expect(impossible.status).toBe(416);
    expect(impossible.headers.get("content-range")).toBe("bytes */14");
  });
});
