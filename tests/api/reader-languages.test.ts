import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { defaultSignInThrottle } from "../../functions/app/auth/sign-in.ts";
import { escapeHtml } from "../../functions/app/lib/html.ts";
import { catalogueFor, referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { formatMessage } from "../../src/shared/i18n/format.ts";
import { formRequest } from "../support/form-request.ts";
import { internalNote, signInTemplate, twoSites } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const de = catalogueFor("de");
const ar = catalogueFor("ar");
const en = referenceCatalogue;
const email = "kim@example.com";
const password = "a long enough password";

/** Each language's built check page, cut down to its language and slot. */
const checkFrame = (lang: string) =>
  `<html lang="${lang}"><body><main><div data-slot="feedback-check"></div></main></body></html>`;
const signInFrame = (lang: string) => signInTemplate.replace("<html>", `<html lang="${lang}">`);

async function setUp() {
  const test = await createTestApp({
    sites: twoSites(),
    feedbackCheckPage: { en: checkFrame("en"), de: checkFrame("de"), ar: checkFrame("ar") },
    signInPage: { en: signInFrame("en"), de: signInFrame("de"), ar: signInFrame("ar") },
  });
  await staffAccounts(test.db, testPasswords).add(email, password);
  return test;
}

type App = Awaited<ReturnType<typeof setUp>>["app"];

const postForm = (app: App, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(path, formRequest(fields, headers));

describe("a reader who sends feedback without JavaScript, in their language", () => {
  it("gets the German check page back in German when the form needs fixing, with a way back to the German page", async () => {
    const { app } = await setUp();
    const answer = await postForm(app, "/api/feedback?lang=de", { topic: "temporary-login-code", name: "Ada" });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(escapeHtml(de.feedback.nothingToSend));
    expect(html).toContain(escapeHtml(de.feedback.checkSummary));
    expect(html).toContain(`<a href="/de/topics/temporary-login-code/">${escapeHtml(de.feedback.backToPage)}</a>`);
    expect(html).toContain('action="/api/feedback?lang=de"');
    expect(html).toContain('value="Ada"');
    for (const english of [en.feedback.nothingToSend, en.feedback.checkSummary, en.feedback.send]) {
      expect(html).not.toContain(escapeHtml(english));
    }
  });

  it("is sent back to the page in the language it was written on, or to the original where the topic is not translated", async () => {
    const { app } = await setUp();
    const sent = async (lang: string, fields: Record<string, string> = {}) =>
      (await postForm(app, `/api/feedback?lang=${lang}`, { rating: "good", ...fields })).headers.get("location");
    expect(await sent("de", { topic: "temporary-login-code" })).toBe(
      "/de/topics/temporary-login-code/?feedback=sent#feedback-thanks",
    );
    // The sample's overview is written in English and German only.
    expect(await sent("es", { topic: "multi-factor-authentication-overview" })).toBe(
      "/topics/multi-factor-authentication-overview/?feedback=sent#feedback-thanks",
    );
    expect(await sent("ar")).toBe("/ar/feedback/?feedback=sent#feedback-thanks");
    expect(await sent("en")).toBe("/feedback/?feedback=sent#feedback-thanks");
  });

  it("says in Arabic what the server refused: a topic it does not know, and the rate limit", async () => {
    const test = await createTestApp({
      feedbackCheckPage: { ar: checkFrame("ar") },
      limit: { max: 1, windowMs: 60_000 },
    });
    const unknown = await postForm(test.app, "/api/feedback?lang=ar", { topic: "no-such-topic", rating: "good" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(escapeHtml(ar.feedback.unknownTopic));
    await postForm(test.app, "/api/feedback?lang=ar", { rating: "good" });
    const limited = await postForm(test.app, "/api/feedback?lang=ar", { rating: "poor" });
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain(escapeHtml(ar.feedback.tooMany));
    expect(html).toContain('<html lang="ar">');
  });

  it("answers a form too long to read with the check page in the language its address names", async () => {
    const { app } = await setUp();
    const answer = await postForm(app, "/api/feedback?lang=de", {
      topic: "temporary-login-code",
      comment: "x".repeat(20_000),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(escapeHtml(de.feedback.tooLarge));
  });

  it("takes a language the site does not speak, or none, as its default", async () => {
    const { app } = await setUp();
    for (const path of ["/api/feedback?lang=fr", "/api/feedback?lang=%3Cb%3E", "/api/feedback"]) {
      const answer = await postForm(app, path, { topic: "temporary-login-code" });
      expect(answer.status).toBe(400);
      const html = await answer.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(escapeHtml(en.feedback.nothingToSend));
    }
  });
});

describe("the sign-in page in each language", () => {
  it("is filled in German at /de/sign-in/, returning to the German home page by default", async () => {
    const { app } = await setUp();
    const page = await app.request("/de/sign-in/");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('name="next" value="/de/"');
    const kept = await (await app.request("/de/sign-in/?next=%2Fde%2Ftopics%2Fcodes%2F")).text();
    expect(kept).toContain('name="next" value="/de/topics/codes/"');
  });

  it("leaves a folder that is no language of the site to the built site", async () => {
    const { app } = await setUp();
    expect((await app.request("/fr/sign-in/")).status).toBe(404);
  });

  it("says in German that the e-mail address and password do not match, and what to type", async () => {
    const { app } = await setUp();
    const wrong = await postForm(app, "/api/auth/login?lang=de", { email, password: "not it" });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`data-slot="error">${escapeHtml(de.signIn.invalid)}</p>`);
    expect(html).toContain('name="next" value="/de/"');
    expect(html).toContain(`value="${email}"`);
    const incomplete = await postForm(app, "/api/auth/login?lang=de", { email, next: "/de/topics/codes/" });
    expect(incomplete.status).toBe(400);
    const text = await incomplete.text();
    expect(text).toContain(escapeHtml(de.signIn.incomplete));
    expect(text).toContain('name="next" value="/de/topics/codes/"');
  });

  it("counts the minutes to wait in the reader's language, Arabic's plural forms included", async () => {
    const test = await createTestApp({
      signInPage: { ar: signInFrame("ar") },
      signInThrottle: { ...defaultSignInThrottle, perClientAndAccount: { max: 1, windowMs: 120_000 } },
    });
    await postForm(test.app, "/api/auth/login?lang=ar", { email, password: "wrong" });
    const throttled = await postForm(test.app, "/api/auth/login?lang=ar", { email, password: "wrong" });
    expect(throttled.status).toBe(429);
    const minutes = Math.ceil(Number(throttled.headers.get("retry-after")) / 60);
    expect(await throttled.text()).toContain(escapeHtml(formatMessage(ar.signIn.throttled, "ar", { count: minutes })));
  });

  it("signs out to the sign-in page in the language of the page signed out from, which says so in it", async () => {
    const { app } = await setUp();
    const cookie = await signInAs(app.request, { email, password });
    const out = await postForm(app, "/api/auth/logout?lang=de", {}, { Cookie: cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/de/sign-in/?signed-out=1");
    const page = await (await app.request("/de/sign-in/?signed-out=1")).text();
    expect(page).toContain(
      `${escapeHtml(de.signIn.signedOut)} <a href="/de/">${escapeHtml(de.signIn.backToHelpCenter)}</a>`,
    );
  });

  it("signs in and out whatever language the form's address names: one the site does not speak, repeated, overlong or unreadable is the default", async () => {
    const { app } = await setUp();
    const signedIn = (cookie: string) => app.request("/api/dashboard/overview", { headers: { Cookie: cookie } });
    for (const lang of ["fr", "de&lang=ar", "x".repeat(40), "%00"]) {
      const login = await postForm(app, `/api/auth/login?lang=${lang}`, { email, password });
      expect(login.status, lang).toBe(303);
      const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
      expect((await signedIn(cookie)).status, lang).toBe(200);
      const out = await postForm(app, `/api/auth/logout?lang=${lang}`, {}, { Cookie: cookie });
      expect(out.status, lang).toBe(303);
      // The first one it names where the site speaks it, as the server's words do; else the default's page.
      expect(out.headers.get("location"), lang).toBe(
        lang.startsWith("de") ? "/de/sign-in/?signed-out=1" : "/sign-in/?signed-out=1",
      );
      expect((await signedIn(cookie)).status, lang).toBe(401);
    }
  });
});

describe("what the server adds to an employee's pages", () => {
  it("says who is signed in, and offers the employee view back, in the page's language", async () => {
    const { app } = await setUp();
    const cookie = await signInAs(app.request, { email, password });
    const german = await (await app.request("/de/topics/codes/", { headers: { Cookie: cookie } })).text();
    expect(german).toContain(internalNote);
    expect(german).toContain(
      `data-slot="employee">${escapeHtml(formatMessage(de.frame.signedInAs, "de", { email }))}</p>`,
    );
    const english = await (await app.request("/topics/codes/", { headers: { Cookie: cookie } })).text();
    expect(english).toContain(`Signed in as ${email}`);
    const asCustomer = await postForm(
      app,
      "/api/auth/view",
      { as: "customer", next: "/de/topics/codes/" },
      { Cookie: cookie },
    );
    const customerCookie = `${cookie}; ${asCustomer.headers.get("set-cookie")?.split(";")[0]}`;
    const viewed = await (await app.request("/de/topics/codes/", { headers: { Cookie: customerCookie } })).text();
    expect(viewed).toContain(escapeHtml(de.frame.viewingAsCustomer));
    expect(viewed).toContain(escapeHtml(de.frame.backToEmployeeView));
    expect(viewed).not.toContain(internalNote);
  });
});
