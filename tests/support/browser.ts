import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { chromiumArgs } from "./chromium.ts";

export const baseUrl = () => inject("baseUrl");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromiumPath"), args: chromiumArgs, headless: true });
}

/** Every Content-Security-Policy violation any page reported; each test file checks it stays empty. */
export const cspViolations: string[] = [];

export function watchCsp(page: Page): Page {
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), ...options });
  const page = watchCsp(await context.newPage());
  await page.goto(path);
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.2 A and AA rules, plus best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, wcagTags);
}

/**
 * Fails with every axe-core violation listed by rule and element. With `javaScript: "off"` the
 * page as a reader without JavaScript sees it is checked (see axeViolationsWithoutScripts).
 */
export async function expectNoAxeViolations(
  page: Page,
  options: { javaScript?: "on" | "off"; browser?: Browser } = {},
) {
  const violations =
    options.javaScript === "off" && options.browser
      ? await axeViolationsWithoutScripts(options.browser, page)
      : await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual(
    [],
  );
}

/**
 * axe-core needs JavaScript, so a page seen with JavaScript off is checked as a copy, its
 * scripts removed, in a page where axe itself can run.
 */
export async function axeViolationsWithoutScripts(browser: Browser, page: Page): Promise<AxeViolation[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const checker = await browser.newPage({ baseURL: baseUrl() });
  try {
    // The copy stands in for the page itself; its stylesheets and images load as they did.
    await checker.route("**/*", (route) =>
      route.request().resourceType() === "document"
        ? route.fulfill({ contentType: "text/html", body: html })
        : route.continue(),
    );
    await checker.goto(page.url());
    return await axeViolations(checker);
  } finally {
    await checker.close();
  }
}

/**
 * One Chromium for the test file that calls this; when the file is done, it checks that no page
 * reported a Content-Security-Policy violation, then closes the browser.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running yet");
    return browser;
  };
}

/**
 * Every page a reader reaches from the sitemap (every language's), plus searches, Leave feedback
 * and the 404 page, and the same in the right-to-left language.
 */
export async function publicPagePaths(): Promise<string[]> {
  const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "/").pathname);
  const others = ["/search/?q=temporary+code", "/search/?q=zzqx", "/feedback/", "/no-such-page/"];
  return [...paths, ...others, ...others.map((path) => `/ar${path}`)];
}

const sweptWidths = [320, 375, 1280, 1440];

/**
 * Looks at the page as it is now at 320 to 1440 px (no sideways scrolling) and in the light and
 * the dark theme (axe-core); adds what is wrong to `report` under `label`.
 */
export async function sweepLayoutAndAxe(page: Page, label: string, report: Record<string, string[]>) {
  const viewport = page.viewportSize();
  for (const width of sweptWidths) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) report[`${label} at ${width} px`] = [`scrolls sideways by ${overflow} px`];
  }
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    if (violations.length > 0) {
      report[`${label} (${colorScheme})`] = violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (viewport) await page.setViewportSize(viewport);
}

/** Waits until the island holding `selector` has hydrated (Astro drops its `ssr` attribute then). */
export async function islandAwake(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((inner) => {
    const island = document.querySelector(inner)?.closest("astro-island");
    return island !== null && island !== undefined && !island.hasAttribute("ssr");
  }, selector);
}
