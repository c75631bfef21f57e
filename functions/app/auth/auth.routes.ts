import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { bodyKind } from "../lib/body.ts";
import { setCachePolicy } from "../lib/cache-control.ts";
import { clientAddress } from "../lib/client.ts";
import { isNavigation } from "../lib/navigation.ts";
import {
  formLanguage,
  languageOfPath,
  pageLanguageParam,
  type ReaderLanguage,
  readerLanguage,
} from "../lib/reader-language.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { answerFormsWithPage, isFormPost, jsonOrForm } from "../lib/validate.ts";
import { authDocs } from "./auth.openapi.ts";
import { sessionCookie, ssoStateCookie as stateCookie, viewCookie } from "./cookies.ts";
import { fillSignInPage, type SignInSlots, signInMessages, signInRefusal, ssoMessages } from "./sign-in-page.ts";
import { ProviderUnavailable, type SsoStart } from "./single-sign-on.ts";

const signInSchema = z.object({
  email: z.string().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().max(2048).optional(),
});

const viewSchema = z.object({ as: z.enum(["customer", "employee"]), next: z.string().max(2048).optional() });

const incomplete = () => invalidInput(undefined, signInMessages.incomplete);

export function authRoutes(deps: AppDeps) {
  const { signIn, policy } = deps.auth;
  const { languages } = deps.topics;

  const { sso, localSignIn } = deps.auth;
  const { audit } = deps.log;
  const provider = sso?.settings.providerName;
  /** Single sign-on's start, which tells a refusal in the language it was begun in. */
  const ssoButton = (next: string, language: ReaderLanguage) =>
    sso
      ? {
          name: provider,
          href: `/api/auth/oidc/start?next=${encodeURIComponent(next)}${language.code === languages.default ? "" : `&lang=${language.code}`}`,
        }
      : undefined;

  /** The sign-in page in the reader's language: single sign-on first when configured, the local form unless turned off. */
  const signInPage = async (language: ReaderLanguage, slots: Omit<SignInSlots, "sso" | "local">) => {
    const template = await deps.pages.signIn(language.code);
    if (!template) throw new ApiError("unavailable", "The sign-in page is not built.");
    const button = ssoButton(slots.next, language);
    return fillSignInPage(template, { ...slots, local: localSignIn, ...(button ? { sso: button } : {}) }, language);
  };
  const ssoPage = async (
    c: Context<AppEnv>,
    status: 400 | 403 | 409 | 429 | 503,
    language: ReaderLanguage,
    error: string,
    next = language.path("/"),
  ) => c.html(await signInPage(language, { next, ssoError: error }), status);

  /** The provider did not answer: audited, and a page that says to try again shortly. */
  const providerUnreachable = (
    c: Context<AppEnv>,
    event: string,
    error: ProviderUnavailable,
    language: ReaderLanguage,
    next?: string,
  ) => {
    audit(event, { reason: error.message });
    c.header("Retry-After", "30");
    return ssoPage(c, 503, language, ssoMessages(language, provider).unreachable, next);
  };

  /** A new session, in place of whatever session the browser had: signing in never keeps an older one. */
  const startSession = async (c: Context<AppEnv>, token: string) => {
    const previous = sessionCookie.read(c);
    if (previous) await deps.auth.sessions.end(previous);
    sessionCookie.write(c, token, Math.floor(policy.absoluteMs / 1000));
    viewCookie.clear(c);
  };

  /**
   * A form sign-in that failed comes back as the sign-in page in the form's language, the address
   * kept, saying what went wrong in that language (worded from the API's code).
   */
  const backToSignInPage = answerFormsWithPage((c, error) => {
    const typed = c.get("formFields") ?? {};
    const language = formLanguage(c, languages);
    return signInPage(language, {
      next: redirectTarget(typed.next, language.path("/")),
      email: typed.email ?? "",
      error: signInRefusal(error, language),
    });
  });

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins))
    // Before the body's limit, so that a form too long to read gets its page too.
    .use("/auth/login", backToSignInPage)
    .use("/auth/*", limitBody(8 * 1024), requireBody("json", "form"))
    .post(
      "/auth/login",
      authDocs.login,
      pageLanguageParam,
      jsonOrForm(signInSchema, { onInvalid: incomplete }),
      async (c) => {
        if (!localSignIn) throw new ApiError("not_found", "Sign in with your company account instead.");
        const { email, password } = c.req.valid("json");
        const next = redirectTarget(c.req.valid("json").next, formLanguage(c, languages).path("/"));
        if (!email || !password) throw incomplete();
        const outcome = await signIn(email, password, clientAddress(c));
        // Audited without the address typed: a password typed into the wrong box would be logged.
        if (outcome.kind !== "signed_in") audit("sign_in_refused", { reason: outcome.kind });
        if (outcome.kind === "throttled") {
          const message = signInMessages.throttled(outcome.retryAfterSeconds);
          throw new ApiError("rate_limited", message, {
            headers: { "Retry-After": String(outcome.retryAfterSeconds) },
          });
        }
        if (outcome.kind === "invalid") {
          throw new ApiError("invalid_credentials", signInMessages.invalid);
        }
        await startSession(c, outcome.token);
        return isFormPost(c) ? c.redirect(next, Status.seeOther) : c.json({ next }, Status.ok);
      },
    )
    .post("/auth/logout", authDocs.logout, pageLanguageParam, async (c) => {
      const token = sessionCookie.read(c);
      const ended = token ? await deps.auth.sessions.end(token) : undefined;
      sessionCookie.clear(c);
      viewCookie.clear(c);
      c.header("Clear-Site-Data", '"cache"');
      // Nothing to read from the body: only how to answer. After a single sign-on session, the
      // sign-in page (in the form's page's language) offers to sign out of the provider too (RP-initiated logout).
      if (bodyKind(c) !== "form") return c.json({ signedOut: true }, Status.ok);
      const signInPath = formLanguage(c, languages).path("/sign-in/");
      // The sign-in page says so, and after single sign-on offers the provider's own sign-out.
      return c.redirect(`${signInPath}?signed-out=${sso && ended?.viaProvider ? "provider" : "1"}`, Status.seeOther);
    })
    .get("/auth/oidc/start", authDocs.ssoStart, async (c) => {
      if (!sso) throw new ApiError("not_found", "Single sign-on is not configured.");
      const language = readerLanguage(languages, c.req.query("lang"));
      const next = redirectTarget(c.req.query("next"), language.path("/"));
      // Only a navigation begins a sign-in: an image or a script on another site cannot.
      if (!isNavigation(c)) {
        throw new ApiError("not_a_navigation", "Open this address in the browser to sign in.");
      }
      let start: SsoStart;
      try {
        start = await sso.begin(next, clientAddress(c));
      } catch (error) {
        if (error instanceof ProviderUnavailable)
          return providerUnreachable(c, "sso_start_failed", error, language, next);
        throw error;
      }
      if (start.kind === "limited") {
        audit("sso_start_limited", {});
        c.header("Retry-After", String(start.retryAfterSeconds));
        return ssoPage(
          c,
          429,
          language,
          ssoMessages(language, provider).startsThrottled(start.retryAfterSeconds),
          next,
        );
      }
      stateCookie.write(c, start.state);
      return c.redirect(start.url, Status.seeOther);
    })
    .post("/auth/oidc/backchannel-logout", authDocs.backChannelLogout, async (c) => {
      if (!sso) throw new ApiError("not_found", "Single sign-on is not configured.");
      const form = bodyKind(c) === "form" ? await c.req.parseBody() : {};
      const token = typeof form.logout_token === "string" ? form.logout_token : "";
      const outcome = token ? await sso.backChannelLogout(token) : { kind: "refused" as const, why: "no token" };
      if (outcome.kind === "refused") {
        audit("backchannel_logout_refused", { reason: outcome.why });
        throw new ApiError("invalid_logout_token", "The logout token is not valid.");
      }
      audit("backchannel_logout", { sessionsEnded: outcome.sessions });
      return c.body(null, Status.ok);
    })
    .get("/auth/oidc/callback", authDocs.ssoCallback, async (c) => {
      if (!sso) throw new ApiError("not_found", "Single sign-on is not configured.");
      const browserState = stateCookie.read(c);
      stateCookie.clear(c);
      let outcome: Awaited<ReturnType<typeof sso.finish>>;
      try {
        outcome = await sso.finish(new URL(c.req.url), browserState);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        return providerUnreachable(c, "sso_callback_failed", error, readerLanguage(languages, undefined));
      }
      // The page that tells a refusal speaks the language of the page the reader was to return to,
      // the one they began on (the callback itself carries none).
      const language = languageOfPath(languages, outcome.next ?? "/");
      const words = ssoMessages(language, provider);
      if (outcome.kind === "failed") {
        audit("sso_sign_in_refused", { reason: outcome.why });
        return ssoPage(c, 400, language, words.notConfirmed);
      }
      if (outcome.kind === "not_employee") {
        audit("sso_non_employee_refused", { email: outcome.email ?? null });
        return ssoPage(c, 403, language, words.notEmployee(outcome.email));
      }
      if (outcome.kind === "conflict") {
        audit("sso_email_conflict", { email: outcome.email });
        return ssoPage(c, 409, language, words.emailTaken(outcome.email));
      }
      await startSession(c, outcome.token);
      return c.redirect(redirectTarget(outcome.next), Status.seeOther);
    })
    .post(
      "/auth/view",
      authDocs.view,
      jsonOrForm(viewSchema, { onInvalid: () => invalidInput(undefined, 'Send "as": "customer" or "employee".') }),
      async (c) => {
        if (!c.get("employee")) throw new ApiError("signed_out", "Sign in as an employee first.");
        const { as, next } = c.req.valid("json");
        if (as === "customer") viewCookie.setCustomer(c);
        else viewCookie.clear(c);
        return isFormPost(c) ? c.redirect(redirectTarget(next), Status.seeOther) : c.json({ view: as }, Status.ok);
      },
    );

  /** The page itself, in each language, outside /api: filled in on the server so it works without JavaScript. */
  const signInPageIn = async (c: Context<AppEnv>, language: ReaderLanguage) => {
    const next = redirectTarget(c.req.query("next"), language.path("/"));
    if (c.get("employee")) return c.redirect(next, Status.seeOther);
    const signedOut = c.req.query("signed-out");
    const endSession = sso && signedOut === "provider" ? await sso.endSessionUrl() : undefined;
    setCachePolicy(c, "noStore");
    return c.html(
      await signInPage(language, {
        next,
        ...(signedOut
          ? { signedOut: { provider: endSession ? { name: provider, href: endSession } : undefined } }
          : {}),
      }),
      Status.ok,
    );
  };
  const page = new Hono<AppEnv>()
    .get("/sign-in/", (c) => signInPageIn(c, readerLanguage(languages, languages.default)))
    .get("/:lang/sign-in/", async (c, next) => {
      const lang = c.req.param("lang");
      // Another folder's sign-in/ is no page of ours: the built site answers (a 404).
      if (lang === languages.default || !languages.all.includes(lang)) return next();
      return signInPageIn(c, readerLanguage(languages, lang));
    });

  return { api, page };
}
