import { describe, expect, inject, it } from "vitest";
import { baseUrl } from "../support/browser.ts";
import { crawl } from "../support/crawl.ts";
import { signInAs } from "../support/sign-in.ts";

async function employeeCookie(): Promise<string> {
  return signInAs(fetch, inject("employee"), { base: baseUrl() });
}

/** Every page of both builds in four languages, each asked for, on a busy two-core machine. */
const crawlTime = 240_000;

describe("crawling the real server", () => {
  it(
    "finds no internal text anywhere an anonymous reader can reach, internal paths asked for directly included",
    async () => {
      const anonymous = await crawl(baseUrl(), undefined);
      expect(anonymous.requests).toBeGreaterThan(50);
      expect(anonymous.leaks).toEqual([]);
    },
    crawlTime,
  );

  it(
    "finds the internal text when the same crawl is signed in",
    async () => {
      const signedIn = await crawl(baseUrl(), await employeeCookie());
      expect(signedIn.leaks.some((l) => l.startsWith("/topics/temporary-login-code/"))).toBe(true);
      expect(signedIn.leaks.some((l) => l.startsWith("/topics/internal-admin-temporary-code/"))).toBe(true);
      expect(signedIn.leaks.some((l) => l.startsWith("/search-text/"))).toBe(true);
    },
    crawlTime,
  );
});
