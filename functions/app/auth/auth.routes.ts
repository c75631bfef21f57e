import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { bodyKind } from "../lib/body.ts";
import { clientAddress } from "../lib/client.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { answerFormsWithPage, isFormPost, jsonOrForm } from "../lib/validate.ts";
import { sessionCookie, viewCookie } from "./cookies.ts";
import { fillSignInPage, signInMessages } from "./sign-in-page.ts";

const signInSchema = z.object({
  email: z.string().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().max(2048).optional(),
});

const viewSchema = z.object({ as: z.enum(["customer", "employee"]), next: z.string().max(2048).optional() });

const incomplete = () => new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);

export function authRoutes(deps: AppDeps) {
  const { signIn, policy } = deps.auth;

  const signInPage = (slots: { next: string; error?: string; email?: string }) => {
    if (!deps.pages.signIn) throw new ApiError(Status.unavailable, "unavailable", "The sign-in page is not built.");
    return fillSignInPage(deps.pages.signIn, slots);
  };

  /** A form sign-in that failed comes back as the sign-in page, the address kept, saying what went wrong. */
  const backToSignInPage = answerFormsWithPage((c, error) => {
    const typed = c.get("formFields") ?? {};
    const message = error.fields?.map((f) => f.message).join(" ") || error.message;
    return signInPage({ next: redirectTarget(typed.next), email: typed.email ?? "", error: message });
  });

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins), limitBody(8 * 1024), requireBody("json", "form"))
    .post("/auth/login", backToSignInPage, jsonOrForm(signInSchema, incomplete), async (c) => {
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
      if (token) await deps.auth.sessions.end(token);
      sessionCookie.clear(c);
      viewCookie.clear(c);
      c.header("Clear-Site-Data", '"cache"');
      // Nothing to read from the body: only how to answer.
      return bodyKind(c) === "form" ? c.redirect("/", Status.seeOther) : c.json({ signedOut: true }, Status.ok);
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
  const page = new Hono<AppEnv>().get("/sign-in/", (c) => {
    const next = redirectTarget(c.req.query("next"));
    if (c.get("employee")) return c.redirect(next, Status.seeOther);
    c.header("Cache-Control", "no-store");
    return c.html(signInPage({ next }), Status.ok);
  });

  return { api, page };
}
