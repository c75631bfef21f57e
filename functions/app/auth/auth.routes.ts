import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { bodyKind } from "../lib/body.ts";
import { clientAddress, isHttps } from "../lib/client.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { answerFormsWithPage, isFormPost, jsonOrForm } from "../lib/validate.ts";
import { sessionCookie, viewCookie } from "./cookies.ts";
import { fillSignInPage, type SignInSlots, signInMessages } from "./sign-in-page.ts";
import { ProviderUnavailable } from "./single-sign-on.ts";

const signInSchema = z.object({
  email: z.string().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().max(2048).optional(),
});

const viewSchema = z.object({ as: z.enum(["customer", "employee"]), next: z.string().max(2048).optional() });

const incomplete = () => new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);

export function authRoutes(deps: AppDeps) {
  const { signIn, policy } = deps.auth;

  const { sso, localSignIn, audit } = deps.auth;
  const ssoButton = (next: string) =>
    sso
      ? { name: sso.settings.providerName, href: `/api/auth/oidc/start?next=${encodeURIComponent(next)}` }
      : undefined;

  /** The sign-in page: single sign-on first when configured, the local form unless turned off. */
  const signInPage = (slots: Omit<SignInSlots, "sso" | "local">) => {
    if (!deps.pages.signIn) throw new ApiError(Status.unavailable, "unavailable", "The sign-in page is not built.");
    const button = ssoButton(slots.next);
    return fillSignInPage(deps.pages.signIn, { ...slots, local: localSignIn, ...(button ? { sso: button } : {}) });
  };
  const ssoPage = (c: Context<AppEnv>, status: 400 | 403 | 503, error: string, next = "/") => {
    c.header("Cache-Control", "no-store");
    return c.html(signInPage({ next, ssoError: error }), status);
  };
  const stateCookie = "sso_state";

  /** A form sign-in that failed comes back as the sign-in page, the address kept, saying what went wrong. */
  const backToSignInPage = answerFormsWithPage((c, error) => {
    const typed = c.get("formFields") ?? {};
    const message = error.fields?.map((f) => f.message).join(" ") || error.message;
    return signInPage({ next: redirectTarget(typed.next), email: typed.email ?? "", error: message });
  });

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins), limitBody(8 * 1024), requireBody("json", "form"))
    .post("/auth/login", backToSignInPage, jsonOrForm(signInSchema, incomplete), async (c) => {
      if (!localSignIn) throw new ApiError(Status.notFound, "not_found", "Sign in with your company account instead.");
      const { email, password } = c.req.valid("json");
      const next = redirectTarget(c.req.valid("json").next);
      if (!email || !password) throw incomplete();
      const outcome = await signIn(email, password, clientAddress(c));
      if (outcome.kind === "throttled") {
        const message = signInMessages.throttled(outcome.retryAfterSeconds);
        throw new ApiError(Status.tooManyRequests, "rate_limited", message, {
          headers: { "Retry-After": String(outcome.retryAfterSeconds) },
        });
      }
      if (outcome.kind === "invalid") {
        throw new ApiError(Status.unauthorized, "invalid_credentials", signInMessages.invalid);
      }
      sessionCookie.write(c, outcome.token, Math.floor(policy.absoluteMs / 1000));
      viewCookie.clear(c);
      return isFormPost(c) ? c.redirect(next, Status.seeOther) : c.json({ next }, Status.ok);
    })
    .post("/auth/logout", async (c) => {
      const token = sessionCookie.read(c);
      const ended = token ? await deps.auth.sessions.end(token) : undefined;
      sessionCookie.clear(c);
      viewCookie.clear(c);
      c.header("Clear-Site-Data", '"cache"');
      // Nothing to read from the body: only how to answer. After a single sign-on session, the
      // sign-in page offers to sign out of the provider too (RP-initiated logout).
      if (bodyKind(c) !== "form") return c.json({ signedOut: true }, Status.ok);
      return c.redirect(sso && ended?.viaProvider ? "/sign-in/?signed-out=1" : "/", Status.seeOther);
    })
    .get("/auth/oidc/start", async (c) => {
      if (!sso) throw new ApiError(Status.notFound, "not_found", "Single sign-on is not configured.");
      const next = redirectTarget(c.req.query("next"));
      try {
        const { url, state } = await sso.begin(next);
        setCookie(c, stateCookie, state, {
          httpOnly: true,
          sameSite: "Lax",
          path: "/api/auth/oidc",
          maxAge: 600,
          ...(isHttps(c) ? { secure: true } : {}),
        });
        c.header("Cache-Control", "no-store");
        return c.redirect(url, Status.seeOther);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        audit(`sso start failed: ${error.message}`);
        c.header("Retry-After", "30");
        return ssoPage(
          c,
          503,
          `${sso.settings.providerName} cannot be reached right now. Try again in a minute.`,
          next,
        );
      }
    })
    .post("/auth/oidc/backchannel-logout", async (c) => {
      if (!sso) throw new ApiError(Status.notFound, "not_found", "Single sign-on is not configured.");
      const form = bodyKind(c) === "form" ? await c.req.parseBody() : {};
      const token = typeof form.logout_token === "string" ? form.logout_token : "";
      const ended = token ? await sso.backChannelLogout(token) : undefined;
      if (ended === undefined) {
        audit("back-channel logout refused: the logout token did not pass");
        throw new ApiError(Status.badRequest, "invalid_logout_token", "The logout token is not valid.");
      }
      audit(`back-channel logout: ${ended} session(s) ended`);
      return c.body(null, Status.ok);
    })
    .get("/auth/oidc/callback", async (c) => {
      if (!sso) throw new ApiError(Status.notFound, "not_found", "Single sign-on is not configured.");
      const browserState = getCookie(c, stateCookie);
      deleteCookie(c, stateCookie, { path: "/api/auth/oidc" });
      let outcome: Awaited<ReturnType<typeof sso.finish>>;
      try {
        outcome = await sso.finish(new URL(c.req.url), browserState);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        audit(`sso callback failed: ${error.message}`);
        c.header("Retry-After", "30");
        return ssoPage(c, 503, `${sso.settings.providerName} cannot be reached right now. Try again in a minute.`);
      }
      if (outcome.kind === "failed") {
        audit(`sso sign-in refused: ${outcome.why}`);
        return ssoPage(c, 400, outcome.message);
      }
      if (outcome.kind === "not_employee") {
        audit(`sso sign-in of a non-employee refused: ${outcome.email ?? "no e-mail"}`);
        return ssoPage(
          c,
          403,
          `${outcome.email ?? "This account"} is not an employee account of this help center. Sign in with your work account.`,
        );
      }
      sessionCookie.write(c, outcome.token, Math.floor(policy.absoluteMs / 1000));
      viewCookie.clear(c);
      c.header("Cache-Control", "no-store");
      return c.redirect(redirectTarget(outcome.next), Status.seeOther);
    })
    .post(
      "/auth/view",
      jsonOrForm(
        viewSchema,
        () => new ApiError(Status.badRequest, "invalid_input", 'Send "as": "customer" or "employee".'),
      ),
      async (c) => {
        if (!c.get("employee")) throw new ApiError(Status.unauthorized, "signed_out", "Sign in as an employee first.");
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
    const endSession = sso && c.req.query("signed-out") ? await sso.endSessionUrl() : undefined;
    c.header("Cache-Control", "no-store");
    return c.html(
      signInPage({
        next,
        ...(endSession && sso ? { signedOutOf: { name: sso.settings.providerName, href: endSession } } : {}),
      }),
      Status.ok,
    );
  });

  return { api, page };
}
