import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { catalogueFor } from "../../src/shared/i18n/catalogues.ts";
import { formatMessage } from "../../src/shared/i18n/format.ts";
import { baseUrl, islandAwake, openPage, sweepLayoutAndAxe, useChromium, watchCsp } from "../support/browser.ts";

const browser = useChromium();

/**
 * Where a field's text sits, from 0 (its left edge) to 1 (its right): the middle of the ink of its
 * first line, read from a screenshot of the field with nothing focused (no caret, no focus ring).
 */
async function inkCentre(page: Page, field: Locator): Promise<number> {
  await field.blur();
  const png = (await field.screenshot()).toString("base64");
  return page.evaluate(async (encoded) => {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    const { data, width } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    // How far the pixel at byte offset `i` is from the one at `j`, over red, green and blue.
    const distance = (i: number, j: number) =>
      [0, 1, 2].reduce((sum, c) => sum + Math.abs((data[i + c] ?? 0) - (data[j + c] ?? 0)), 0);
    const paper = (4 * width + 4) * 4;
    let [left, right] = [width, -1];
    for (let y = 4; y < Math.min(bitmap.height - 4, 36); y++) {
      for (let x = 4; x < width - 4; x++) {
        if (distance((y * width + x) * 4, paper) > 96) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    return right < 0 ? Number.NaN : (left + right) / 2 / width;
  }, png);
}

const seedTopic = "/topics/temporary-login-code/";
const wide = { viewport: { width: 1280, height: 900 } };
const lang = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const chosen = (page: Page) => page.evaluate(() => localStorage.getItem("lang"));
/** The offer a reader sees at the top, if any. */
const offer = (page: Page) => page.locator(".language-offer").filter({ visible: true });

/** Layout shifts so far, as the browser recorded them (none is expected: the offer is placed before first paint). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );

describe("languages in Chromium", () => {
  it("switches a topic to German from the menu and back, remembering each choice, without a redirect", async () => {
    const page = await openPage(browser(), seedTopic, wide);
    expect(await lang(page)).toEqual(["en", "ltr"]);
    await page.locator(".language-switch summary").click();
    await page.locator(".language-switch").getByRole("link", { name: "Deutsch" }).click();
    await page.waitForURL(`**/de${seedTopic}`);
    expect(await lang(page)).toEqual(["de", "ltr"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Mobilgerät nicht erreichbar: Einen temporären Anmeldecode erzeugen",
    );
    expect(await chosen(page)).toBe("de");
    // Chosen, German is never offered on a German page, and English is not offered either.
    expect(await offer(page).count()).toBe(0);

    await page.locator(".language-switch summary").click();
    await page.locator(".language-switch").getByRole("link", { name: "English" }).click();
    await page.waitForURL(`**${seedTopic}`);
    expect(await lang(page)).toEqual(["en", "ltr"]);
    expect(await chosen(page)).toBe("en");
    await page.context().close();
  });

  it("offers the page in the browser's language, in that language, before first paint, and goes there only when asked", async () => {
    const page = await openPage(browser(), seedTopic, { ...wide, locale: "de-DE" });
    // The reader stays where they asked to be.
    expect(new URL(page.url()).pathname).toBe(seedTopic);
    const german = offer(page);
    await german.waitFor();
    expect(await german.getAttribute("lang")).toBe("de");
    expect(await german.textContent()).toContain("Diese Seite gibt es auch auf Deutsch.");
    expect(await layoutShift(page)).toBeLessThan(0.01);
    await german.getByRole("link", { name: "Auf Deutsch lesen" }).click();
    await page.waitForURL(`**/de${seedTopic}`);
    expect(await chosen(page)).toBe("de");
    expect(await offer(page).count()).toBe(0);

    // A German reader who chose German gets the German offer on the English page from then on.
    await page.goto("/topics/multi-factor-authentication-overview/");
    await offer(page).filter({ hasText: "Auf Deutsch lesen" }).waitFor();
    await page.context().close();
  });

  it("puts the offer away for good when the reader keeps the page's language", async () => {
    const page = await openPage(browser(), "/", { ...wide, locale: "ar-EG" });
    const arabic = offer(page);
    await arabic.waitFor();
    expect(await arabic.getAttribute("dir")).toBe("rtl");
    await arabic.getByRole("button", { name: "لا، شكرًا" }).click();
    expect(await offer(page).count()).toBe(0);
    expect(await chosen(page)).toBe("en");
    await page.reload();
    expect(await page.locator(".language-offer").first().isHidden()).toBe(true);
    expect(await offer(page).count()).toBe(0);
    await page.context().close();
  });

  it("lists an untranslated topic on the German home with its English title and a mark, and opens it with a German notice", async () => {
    const page = await openPage(browser(), "/de/", wide);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Users and roles" }) });
    const link = card.getByRole("link", { name: "Add a user to your firm" });
    expect(await link.getAttribute("lang")).toBe("en");
    expect(await card.textContent()).toContain("(auf Englisch)");
    await link.click();
    await page.waitForURL("**/topics/add-a-user/#untranslated-de");
    const notice = page.locator("#untranslated-de");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute("lang")).toBe("de");
    expect(await notice.textContent()).toContain(
      "Diese Seite gibt es noch nicht auf Deutsch. Sie lesen das Original auf Englisch.",
    );
    // Only the German one: the Spanish and Arabic notices stay hidden, as they do for a reader who came from anywhere else.
    expect(await page.locator(".untranslated").filter({ visible: true }).count()).toBe(1);
    await notice.getByRole("link", { name: "Zur deutschen Startseite" }).click();
    await page.waitForURL("**/de/");

    await page.goto("/topics/add-a-user/");
    expect(await page.locator(".untranslated").filter({ visible: true }).count()).toBe(0);
    await page.context().close();
  });

  it("finds German topics and untranslated ones from the German search, saying which is which", async () => {
    const page = await openPage(browser(), "/de/search/?q=tempor%C3%A4rer+Code", wide);
    const results = page.locator("[data-search-results] li");
    await results.first().waitFor();
    expect(await results.first().getByRole("link").textContent()).toBe(
      "Mobilgerät nicht erreichbar: Einen temporären Anmeldecode erzeugen",
    );
    await page.goto("/de/search/?q=invoice");
    await results.first().waitFor();
    const first = results.first();
    expect(await first.getByRole("link").getAttribute("href")).toMatch(/^\/topics\/[a-z-]+\/#untranslated-de$/);
    expect(await first.textContent()).toContain("(auf Englisch)");

    // A correction is shown as German writes the word, on the search page and in the suggestions.
    await page.goto("/de/search/?q=tempraren+Anmeldecode");
    const status = page.locator("[data-search-status]");
    await status.getByRole("link", { name: "temporären Anmeldecode" }).waitFor();
    expect(await status.textContent()).not.toContain("temporaren");
    await page.goto("/de/");
    await page.locator("#site-search").focus();
    await page.keyboard.type("tempraren Anmeldecode");
    await page.locator(".suggestions__note").filter({ hasText: "Ergebnisse für temporären Anmeldecode." }).waitFor();
    await page.context().close();
  });

  for (const [code, texts] of [
    [
      "de",
      {
        group: "Bitte bewerten Sie dieses Thema.",
        good: "Gut",
        send: "Feedback senden",
        empty:
          "Bewerten Sie das Thema, sagen Sie, ob Sie das Gesuchte gefunden haben, oder schreiben Sie einen Kommentar.",
        left: "Verbleibende Zeichen: 995",
        thanks: "Vielen Dank für Ihr Feedback.",
      },
    ],
    [
      "ar",
      {
        group: "يُرجى تقييم هذا الموضوع.",
        good: "جيد",
        send: "إرسال الملاحظات",
        empty: "قيّم الموضوع، أو أخبرنا هل وجدت ما تحتاجه، أو اكتب تعليقًا.",
        left: /الأحرف المتبقية: (995|٩٩٥)/,
        thanks: "شكرًا لملاحظاتك.",
      },
    ],
  ] as const) {
    for (const width of [320, 1280]) {
      it(`takes feedback in ${code} at ${width} px, in its words, and fits without overflow, axe clean in both themes`, async () => {
        const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width, height: 900 } });
        const page = watchCsp(await context.newPage());
        await page.goto(`/${code}${seedTopic}`);
        const form = page.locator("#feedback");
        await form.scrollIntoViewIfNeeded();
        await islandAwake(page, "#feedback-comment");
        await form.getByRole("button", { name: texts.send }).click();
        await form.getByRole("alert").getByRole("link", { name: texts.empty }).waitFor();
        const report: Record<string, string[]> = {};
        await sweepLayoutAndAxe(page, `${code} feedback, what to fix`, report);
        await form.getByRole("group", { name: texts.group }).getByRole("radio", { name: texts.good }).check();
        await form.getByRole("textbox").last().fill("fünf!");
        await form.getByText(texts.left).waitFor();
        await form.getByRole("button", { name: texts.send }).click();
        await form.getByRole("status").filter({ hasText: texts.thanks }).waitFor();
        await sweepLayoutAndAxe(page, `${code} feedback, thanked`, report);
        expect(report).toEqual({});
        await context.close();
      });
    }
  }

  it("lets a reader write Arabic into the feedback form of an English page, right to left, and English left to right", async () => {
    const page = await openPage(browser(), seedTopic, wide);
    const form = page.locator("#feedback");
    await form.scrollIntoViewIfNeeded();
    await islandAwake(page, "#feedback-comment");
    for (const field of [form.getByRole("textbox").first(), form.getByRole("textbox").last()]) {
      await field.fill("شكرا على الشرح");
      expect(await inkCentre(page, field)).toBeGreaterThan(0.6);
      await field.fill("Thanks for the steps");
      expect(await inkCentre(page, field)).toBeLessThan(0.4);
    }
    await page.context().close();
  });

  it("signs an employee in and out in Arabic at 320 px, its refusal in Arabic, without overflow, axe clean in both themes", async () => {
    const ar = catalogueFor("ar");
    const { email, password } = inject("employee");
    const page = watchCsp(await openPage(browser(), `/ar${seedTopic}`, { viewport: { width: 320, height: 800 } }));
    await page.getByRole("link", { name: ar.frame.employeeSignIn }).click();
    await page.waitForURL((url) => url.pathname === "/ar/sign-in/");
    expect(await lang(page)).toEqual(["ar", "rtl"]);
    await page.getByRole("textbox", { name: ar.signIn.email }).fill(email);
    await page.getByLabel(ar.signIn.password).fill("not the password at all");
    await page.getByRole("button", { name: ar.signIn.submit, exact: true }).click();
    await page.getByRole("alert").getByText(ar.signIn.invalid).waitFor();
    expect(await lang(page)).toEqual(["ar", "rtl"]);
    expect(await page.getByRole("textbox", { name: ar.signIn.email }).inputValue()).toBe(email);
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "Arabic sign-in, refused", report);
    await page.getByLabel(ar.signIn.password).fill(password);
    await page.getByLabel(ar.signIn.password).press("Enter");
    await page.waitForURL(`**/ar${seedTopic}`);
    await page.getByText(formatMessage(ar.frame.signedInAs, "ar", { email })).waitFor();
    await page.getByRole("button", { name: ar.frame.signOut }).click();
    await page.waitForURL((url) => url.pathname === "/ar/sign-in/");
    await page.getByRole("status").getByText(ar.signIn.signedOut).waitFor();
    await sweepLayoutAndAxe(page, "Arabic sign-in, signed out", report);
    expect(report).toEqual({});
    await page.context().close();
  });

  it("runs the live demo in German, with the code left to right on the Arabic page", async () => {
    const page = await openPage(browser(), `/de${seedTopic}`, wide);
    const demo = page.getByRole("region", { name: "Probieren Sie es aus: einen temporären Code erzeugen" });
    await demo.scrollIntoViewIfNeeded();
    await islandAwake(page, ".demo__start");
    await demo.getByRole("button", { name: "Demo starten" }).click();
    await page.getByText("Schritt 1 von 5", { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("1. Die Benutzerliste öffnen");

    await page.goto(`/ar${seedTopic}`);
    const arabic = page.getByRole("region", { name: "جرّبها: أنشئ رمزًا مؤقتًا" });
    await arabic.scrollIntoViewIfNeeded();
    await islandAwake(page, ".demo__start");
    await arabic.getByRole("button", { name: "ابدأ العرض التوضيحي" }).click();
    await arabic.getByRole("button", { name: "المستخدمون" }).first().click();
    await arabic.getByRole("button", { name: "Alex Rivera (arivera)" }).click();
    await arabic.getByRole("button", { name: "عرض الإعدادات" }).click();
    await arabic.getByRole("button", { name: "أنشئ رمزًا رقميًا مؤقتًا صالحًا لمدة 24 ساعة" }).click();
    const code = arabic.locator("output.demo__digits");
    await code.waitFor();
    expect(await code.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
    expect(await code.textContent()).toMatch(/^\d{4} \d{4}$/);
    await page.context().close();
  });
});
