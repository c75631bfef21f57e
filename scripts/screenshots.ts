/**
 * Screenshots of the pages readers and employees judge the help center by (home, the seed topic in
 * English, German and Arabic, search, 404, the dashboard with sample answers, and the pages the
 * server fills in another language: a refused sign-in, and feedback sent without JavaScript that
 * needs fixing), at 375 and 1280 px, light and dark, full page, from the built site on a throwaway
 * database. For design reviews; prints any page that scrolls sideways.
 *   npm run screenshots [-- --out DIR]      (default .cache/screenshots)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { staffAccounts } from "../functions/app/auth/accounts.ts";
import { pbkdf2Passwords } from "../functions/app/auth/pbkdf2-password.ts";
import { openMigratedDb } from "../functions/node/deps.ts";
import { chromiumArgs, findOrInstallChromium } from "../tests/support/chromium.ts";
import { buildIfStale } from "./build.ts";
import { scratchDir } from "./lib/scratch-dir.ts";
import { startServerProcess } from "./lib/server-process.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: join(".cache", "screenshots") } } });
const outDir = values.out;
const readerPages = [
  "/",
  "/topics/temporary-login-code/",
  "/search/?q=temporary+code",
  "/no-such-page/",
  // A translated topic, and one in a right-to-left language; their homes, with the brand's words in them.
  "/de/topics/temporary-login-code/",
  "/ar/topics/temporary-login-code/",
  "/de/",
  "/ar/",
];
const employeePages = [
  "/topics/temporary-login-code/",
  "/topics/internal-admin-temporary-code/",
  "/dashboard/",
  "/ar/topics/temporary-login-code/",
];
/** Pages the server fills in, in German and Arabic: reached by sending a form, as a reader does. */
const filledPages = ["de", "ar"].flatMap((lang) => [
  {
    name: `${lang}-sign-in-refused`,
    path: `/${lang}/sign-in/`,
    // Each time another unknown address: a wrong password for one account is soon throttled.
    send: (page: Page, n: number) =>
      page.evaluate((address) => {
        const form = document.querySelector<HTMLFormElement>("form.sign-in");
        if (!form) throw new Error("No sign-in form");
        (form.elements.namedItem("email") as HTMLInputElement).value = address;
        (form.elements.namedItem("password") as HTMLInputElement).value = "not the password";
        form.submit();
      }, `nobody-${n}@example.com`),
  },
  {
    name: `${lang}-feedback-check`,
    path: `/${lang}/topics/temporary-login-code/`,
    // Without JavaScript, as the plain form: sent empty, it comes back saying what to fix.
    send: (page: Page) => page.locator(".feedback__form").evaluate((form: HTMLFormElement) => form.submit()),
  },
]);
const widths = [375, 1280];
const themes = ["light", "dark"] as const;
const employee = { email: "alex.rivera@example.com", password: "screenshots sign in with this" };

/** A dashboard with something on it: answers across topics, ratings, comments and languages. */
async function sampleAnswers(base: string) {
  const topics = ["temporary-login-code", "cannot-sign-in", "add-a-user", "download-an-invoice", "reset-your-password"];
  const ratings = ["excellent", "good", "average", "poor"];
  for (let i = 0; i < 40; i++) {
    const topic = topics[i % topics.length];
    // The seed topic is translated: its answers come from its pages in every language.
    const lang = topic === "temporary-login-code" ? (["en", "de", "es", "ar"][Math.floor(i / 5) % 4] ?? "en") : "en";
    const answer = {
      topic,
      rating: ratings[(i * 7) % ratings.length],
      found: i % 3 ? "yes" : "no",
      ...(i % 4 === 0 ? { comment: `Step ${(i % 5) + 1} does not match what I see on screen.` } : {}),
    };
    const response = await fetch(`${base}/api/feedback?lang=${lang}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify(answer),
    });
    if (!response.ok) throw new Error(`Sample feedback refused: ${response.status} ${await response.text()}`);
  }
}

const fileName = (path: string) => path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

async function shoot(page: Page, path: string, name: string): Promise<string | undefined> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  return overflow > 0 ? `${name}: scrolls sideways by ${overflow} px` : undefined;
}

/** A page the server answers a form with: the form's page, the form sent, the answer shot. */
async function shootAnswer(page: Page, filled: (typeof filledPages)[number], n: number, name: string) {
  await page.goto(filled.path);
  await Promise.all([page.waitForEvent("load"), filled.send(page, n)]);
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  return overflow > 0 ? `${name}: scrolls sideways by ${overflow} px` : undefined;
}

async function main() {
  await buildIfStale();
  mkdirSync(outDir, { recursive: true });
  const dataDir = scratchDir("screenshots");
  const databaseUrl = `file:${join(dataDir, "screenshots.db")}`;
  const db = await openMigratedDb({ url: databaseUrl, authToken: undefined });
  await staffAccounts(db, pbkdf2Passwords()).add(employee.email, employee.password);
  db.close();
  const server = await startServerProcess({ LIBSQL_URL: databaseUrl, FEEDBACK_RATE_LIMIT: "off", LOG_LEVEL: "error" });
  const browser = await chromium.launch({ executablePath: findOrInstallChromium(), args: chromiumArgs });
  const problems: string[] = [];
  let sent = 0;
  try {
    await sampleAnswers(server.url);
    for (const theme of themes) {
      for (const width of widths) {
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: { width, height: width < 600 ? 812 : 900 },
          colorScheme: theme,
        });
        const page = await context.newPage();
        for (const path of readerPages)
          problems.push((await shoot(page, path, `${fileName(path)}-${width}-${theme}`)) ?? "");
        const withoutScripts = await browser.newContext({
          baseURL: server.url,
          viewport: { width, height: width < 600 ? 812 : 900 },
          colorScheme: theme,
          javaScriptEnabled: false,
        });
        const plain = await withoutScripts.newPage();
        for (const filled of filledPages) {
          const name = `${filled.name}-${width}-${theme}`;
          problems.push((await shootAnswer(plain, filled, ++sent, name)) ?? "");
        }
        await withoutScripts.close();
        const signIn = await page.request.post(`${server.url}/api/auth/login`, { data: employee });
        if (!signIn.ok()) throw new Error(`Signing in for the employee screenshots failed: ${signIn.status()}`);
        for (const path of employeePages) {
          problems.push((await shoot(page, path, `employee-${fileName(path)}-${width}-${theme}`)) ?? "");
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.child.kill();
    await server.exited;
  }
  const found = problems.filter(Boolean);
  console.log(
    `Wrote ${themes.length * widths.length * (readerPages.length + employeePages.length + filledPages.length)} screenshots to ${outDir}`,
  );
  for (const problem of found) console.log(problem);
  if (found.length > 0) process.exitCode = 1;
}

await main();
