import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { staticSite } from "../../functions/node/static-site.ts";
import { createTestApp } from "../support/test-app.ts";

let app: Awaited<ReturnType<typeof createTestApp>>["app"];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "site-"));
  mkdirSync(join(root, "topics", "a"), { recursive: true });
  mkdirSync(join(root, "_astro"));
  writeFileSync(join(root, "index.html"), "<h1>Home</h1>");
  writeFileSync(join(root, "topics", "a", "index.html"), "<h1>Topic A</h1>");
  writeFileSync(join(root, "404.html"), "<h1>Page not found</h1>");
  writeFileSync(join(root, "_astro", "app.1234.js"), "console.log(1)");
  app = (await createTestApp({ sites: { public: staticSite(root), internal: staticSite(root, { private: true }) } }))
    .app;
});

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

  it("lets browsers keep hashed assets for a year", async () => {
    const response = await app.request("/_astro/app.1234.js");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("refuses to walk out of the site folder", async () => {
    const response = await app.request("/%2e%2e/%2e%2e/etc/passwd");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("root:");
  });

  it("refuses methods other than GET and HEAD on pages", async () => {
    const response = await app.request("/topics/a/", { method: "DELETE" });
    expect(response.status).toBe(405);
  });
});
