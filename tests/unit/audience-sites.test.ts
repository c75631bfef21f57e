import { describe, expect, it } from "vitest";
import { siteFileOf } from "../../src/integrations/audience-sites.ts";
import { needsPublicVariant } from "../../src/integrations/public-topic-variants.ts";
import { sitePath } from "../../src/lib/audience.ts";

describe("one build, two sites", () => {
  it("gives every rendered page its address on its own site", () => {
    expect(sitePath("/public/")).toBe("/");
    expect(sitePath("/internal/topics/temporary-login-code/")).toBe("/topics/temporary-login-code/");
    expect(sitePath("/public/sitemap.xml")).toBe("/sitemap.xml");
  });

  it("puts every other language's pages under its own folder of the same site", () => {
    expect(sitePath("/public-de/topics/temporary-login-code/")).toBe("/de/topics/temporary-login-code/");
    expect(sitePath("/internal-ar/")).toBe("/ar/");
    expect(siteFileOf("/public-de/topics/a/")).toBe("de/topics/a/index.html");
    expect(siteFileOf("/internal-es/404/")).toBe("es/404.html");
    // A topic named like the 404 page stays a topic.
    expect(siteFileOf("/public-de/topics/404/")).toBe("de/topics/404/index.html");
  });

  it("writes each page where the servers look for it", () => {
    expect(siteFileOf("/public/")).toBe("index.html");
    expect(siteFileOf("/internal/topics/a/")).toBe("topics/a/index.html");
    expect(siteFileOf("/public/404/")).toBe("404.html");
    expect(siteFileOf("/internal/topics.json")).toBe("topics.json");
  });

  it("compiles a public variant for every topic whose source names Internal, and for no other", () => {
    expect(needsPublicVariant("---\ntitle: A\n---\n\nText.\n<Internal>Staff only.</Internal>\n")).toBe(true);
    expect(needsPublicVariant("---\ntitle: A\n---\n\nEveryone reads all of it.\n")).toBe(false);
  });
});
