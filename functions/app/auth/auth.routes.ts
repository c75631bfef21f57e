import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { bodyKind } from "../lib/body.ts";
import { setCachePolicy } from "../lib/cache-control.ts";
import { clientAddress } from "../lib/client.ts";
import { isNavigation } from "../lib/navigation.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { answerFormsWithPage, isFormPost, jsonOrForm } from "../lib/validate.ts";
import { authDocs } from "./auth.openapi.ts";
import { sessionCookie, ssoStateCookie as stateCookie, viewCookie } from "./cookies.ts";
import { fillSignInPage, type SignInSlots, signInMessages } from "./sign-in-page.ts";
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

  const { sso, localSignIn } = deps.auth;
  const { audit } = deps.log;
  const ssoButton = (next: string) =>
    sso
      ? { name: sso.settings.providerName, href: `/api/auth/oidc/start?next=${encodeURIComponent(next)}` }
      : undefined;

  /** The sign-in page: single sign-on first when configured, the local form unless turned off. */
  const signInPage = (slots: Omit<SignInSlots, "sso" | "local">) => {
    if (!deps.pages.signIn) throw new ApiError("unavailable", "The sign-in page is not built.");
    const button = ssoButton(slots.next);
    return fillSignInPage(deps.pages.signIn, { ...slots, local: localSignIn, ...(button ? { sso: button } : {}) });
  };
  const ssoPage = (c: Context<AppEnv>, status: 400 | 403 | 409 | 429 | 503, error: string, next = "/") => {
    return c.html(signInPage({ next, ssoError: error }), status);
  };

  /** The provider did not answer: audited, and a page that says to try again shortly. */
  const providerUnreachable = (c: Context<AppEnv>, event: string, error: ProviderUnavailable, next = "/") => {
    audit(event, { reason: error.message });
    c.header("Retry-After", "30");
    const name = sso?.settings.providerName ?? "The identity provider";
    return ssoPage(c, 503, `${name} cannot be reached right now. Try again in a minute.`, next);
  };

  /** A new session, in place of whatever session the browser had: signing in never keeps an older one. */
  const startSession = async (c: Context<AppEnv>, token: string) => {
    const previous = sessionCookie.read(c);
    if (previous) await deps.auth.sessions.end(previous);
    sessionCookie.write(c, token, Math.floor(policy.absoluteMs / 1000));
    viewCookie.clear(c);
  };

  /** A form sign-in that failed comes back as the sign-in page, the address kept, saying what went wrong. */
  const backToSignInPage = answerFormsWithPage((c, error) => {
    const typed = c.get("formFields") ?? {};
    const message = error.fields?.map((f) => f.message).join(" ") || error.message;
    return signInPage({ next: redirectTarget(typed.next), email: typed.email ?? "", error: message });
  });

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins), limitBody(8 * 1024), requireBody("json", "form"))
    .post(
      "/auth/login",
      authDocs.login,
      backToSignInPage,
      jsonOrForm(signInSchema, { onInvalid: incomplete }),
      async (c) => {
        if (!localSignIn) throw new ApiError("not_found", "Sign in with your company account instead.");
        const { email, password } = c.req.valid("json");
        const next = redirectTarget(c.req.valid("json").next);
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
    .post("/auth/logout", authDocs.logout, async (c) => {
      const token = sessionCookie.read(c);
      const ended = token ? await deps.auth.sessions.end(token) : undefined;
      sessionCookie.clear(c);
      viewCookie.clear(c);
      c.header("Clear-Site-Data", '"cache"');
      // Nothing to read from the body: only how to answer. After a single sign-on session, the
      // sign-in page offers to sign out of the provider too (RP-initiated logout).
      if (bodyKind(c) !== "form") return c.json({ signedOut: true }, Status.ok);
      // The sign-in page says so, and after single sign-on offers the provider's own sign-out.
      return c.redirect(
        sso && ended?.viaProvider ? "/sign-in/?signed-out=provider" : "/sign-in/?signed-out=1",
        Status.seeOther,
      );
    })
    .get("/auth/oidc/start", authDocs.ssoStart, async (c) => {
      if (!sso) throw new ApiError("not_found", "Single sign-on is not configured.");
      const next = redirectTarget(c.req.query("next"));
      // Only a navigation begins a sign-in: an image or a script on another site cannot.
      if (!isNavigation(c)) {
        throw new ApiError("not_a_navigation", "Open this address in the browser to sign in.");
      }
      let start: SsoStart;
      try {
        start = await sso.begin(next, clientAddress(c));
      } catch (error) {
        if (error instanceof ProviderUnavailable) return providerUnreachable(c, "sso_start_failed", error, next);
        throw error;
      }
      if (start.kind === "limited") {
        audit("sso_start_limited", {});
        c.header("Retry-After", String(start.retryAfterSeconds));
        return ssoPage(c, 429, signInMessages.ssoThrottled(start.retryAfterSeconds), next);
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
        return providerUnreachable(c, "sso_callback_failed", error);
      }
      if (outcome.kind === "failed") {
        audit("sso_sign_in_refused", { reason: outcome.why });
        return ssoPage(c, 400, outcome.message);
      }
      if (outcome.kind === "not_employee") {
        audit("sso_non_employee_refused", { email: outcome.email ?? null });
        return ssoPage(
          c,
          403,
          `${outcome.email ?? "This account"} is not an employee account of this help center. Sign in with your work account.`,
        );
      }
      if (outcome.kind === "conflict") {
        audit("sso_email_conflict", { email: outcome.email });
        return ssoPage(
          c,
          409,
          `Another account of this help center already uses ${outcome.email}, so your ${sso.settings.providerName} sign-in cannot be matched to it. Ask an administrator to remove the other account (npm run staff -- remove ${outcome.email}), then sign in again.`,
        );
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

  /** The page itself, outside /api: filled in on the server so it works without JavaScript. */
  const page = new Hono<AppEnv>().get("/sign-in/", async (c) => {
    const next = redirectTarget(c.req.query("next"));
    if (c.get("employee")) return c.redirect(next, Status.seeOther);
    const signedOut = c.req.query("signed-out");
    const endSession = sso && signedOut === "provider" ? await sso.endSessionUrl() : undefined;
    setCachePolicy(c, "noStore");
    return c.html(
      signInPage({
        next,
        ...(signedOut
          ? {
              signedOut: {
                provider: endSession && sso ? { name: sso.settings.providerName, href: endSession } : undefined,
              },
            }
          : {}),
      }),
      Status.ok,
    );
  });

  return { api, page };
}
