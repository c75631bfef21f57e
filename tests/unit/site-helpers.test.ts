import { describe, expect, it } from "vitest";
import { moveIslandStyleToHead } from "../../src/integrations/island-style-in-head.ts";
import { newestFirst } from "../../src/lib/alerts.ts";
import { escapeXml, sitemapXml } from "../../src/lib/sitemap.ts";
import { categorySlug, groupByCategory } from "../../src/lib/topic-groups.ts";
import { formatDay, formatLocalAndUtc, isoDay } from "../../src/shared/dates.ts";

describe("home page grouping", () => {
  it("groups topics by category, both in alphabetical order", () => {
    const groups = groupByCategory([
      { id: "z", title: "Zeta", category: "Security" },
      { id: "a", title: "alpha", category: "Security" },
      { id: "b", title: "Billing basics", category: "Accounts" },
    ]);
    expect(groups.map((g) => [g.category, g.topics.map((t) => t.title)])).toEqual([
      ["Accounts", ["Billing basics"]],
      ["Security", ["alpha", "Zeta"]],
    ]);
  });

  it("turns a category into an anchor", () => {
    expect(categorySlug("Security and sign-in")).toBe("security-and-sign-in");
  });
});

describe("alerts and notices", () => {
  it("lists the newest alert first", () => {
    const alert = (title: string, day: string) => ({ data: { title, date: new Date(day) } });
    const sorted = newestFirst([alert("old", "2026-01-01"), alert("new", "2026-11-20"), alert("mid", "2026-06-01")]);
    expect(sorted.map((a) => a.data.title)).toEqual(["new", "mid", "old"]);
  });
});

describe("dates", () => {
  it("shows a front-matter day as that same day whatever the server's time zone", () => {
    const day = new Date("2026-11-02");
    expect(formatDay(day)).toBe("November 2, 2026");
    expect(isoDay(day)).toBe("2026-11-02");
  });
});

describe("sitemap", () => {
  it("writes absolute, escaped URLs with their last change", () => {
    const xml = sitemapXml(new URL("https://help.example.com"), [
      { path: "/topics/a/", lastmod: "2026-11-02" },
      { path: "/?q=a&b", lastmod: undefined },
    ]);
    expect(xml).toContain("<url><loc>https://help.example.com/topics/a/</loc><lastmod>2026-11-02</lastmod></url>");
    expect(xml).toContain("<loc>https://help.example.com/?q=a&amp;b</loc>");
    expect(escapeXml(`<"'&>`)).toBe("&lt;&quot;&apos;&amp;&gt;");
  });
});

describe("the island style", () => {
  const style = "<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>";

  it("moves from the body into the head, unchanged, so its CSP hash still matches", () => {
    const html = `<html><head><title>t</title></head><body><p>a</p>${style}<astro-island></astro-island></body></html>`;
    expect(moveIslandStyleToHead(Buffer.from(html)).toString()).toBe(
      `<html><head><title>t</title>${style}</head><body><p>a</p><astro-island></astro-island></body></html>`,
    );
  });

  it("leaves a page without islands as it was", () => {
    const html = "<html><head></head><body><p>a</p></body></html>";
    expect(moveIslandStyleToHead(Buffer.from(html)).toString()).toBe(html);
  });
});

describe("times in the demo", () => {
  const moment = Date.UTC(2026, 10, 30, 14, 12);

  it("shows the reader's own time zone with UTC alongside", () => {
    expect(formatLocalAndUtc(moment, "en", "America/New_York")).toBe("Nov 30, 2026, 9:12 AM EST (2:12 PM UTC)");
  });

  it("names the UTC day too when it is another day than the reader's", () => {
    expect(formatLocalAndUtc(Date.UTC(2026, 10, 30, 23, 30), "en", "Asia/Tokyo")).toBe(
      "Dec 1, 2026, 8:30 AM GMT+9 (Nov 30, 11:30 PM UTC)",
    );
  });

  it("says UTC once to a reader whose zone is UTC", () => {
    expect(formatLocalAndUtc(moment, "en", "UTC")).toBe("Nov 30, 2026, 2:12 PM UTC");
  });
});
