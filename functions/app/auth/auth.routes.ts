import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { bodyKind, limitBody, readJsonOrForm, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { sessionCookie, viewCookie } from "./cookies.ts";
import { safeReturnPath } from "./return-path.ts";
import { fillSignInPage, signInMessages } from "./sign-in-page.ts";

const signInSchema = z.object({
  email: z.string().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().max(2048).optional(),
});

const viewSchema = z.object({ as: z.enum(["customer", "employee"]), next: z.string().max(2048).optional() });

export function authRoutes(deps: AppDeps) {
  const { signIn, policy } = deps.auth;

  const signInPage = (c: Context, status: 200 | 401 | 429, slots: { next: string; error?: string; email?: string }) => {
    if (!deps.pages.signIn) throw new ApiError(Status.unavailable, "unavailable", "The sign-in page is not built.");
    c.header("Cache-Control", "no-store");
    return c.html(fillSignInPage(deps.pages.signIn, slots), status);
  };

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins), limitBody(8 * 1024), requireBody("json", "form"))
    .post("/auth/login", async (c) => {
      const { form, body } = await readJsonOrForm(c);
      const parsed = signInSchema.safeParse(body);
      if (!parsed.success) throw new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);
      const { email, password } = parsed.data;
      const next = safeReturnPath(parsed.data.next);
      if (!email || !password) {
        if (form) return signInPage(c, 401, { next, email, error: signInMessages.incomplete });
        throw new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);
      }
      const outcome = await signIn(email, password, deps.clientAddress(c));
      if (outcome.kind === "throttled") {
        c.header("Retry-After", String(outcome.retryAfterSeconds));
        if (form)
          return signInPage(c, 429, { next, email, error: signInMessages.throttled(outcome.retryAfterSeconds) });
        throw new ApiError(Status.tooManyRequests, "rate_limited", signInMessages.throttled(outcome.retryAfterSeconds));
      }
      if (outcome.kind === "invalid") {
        if (form) return signInPage(c, 401, { next, email, error: signInMessages.invalid });
        throw new ApiError(Status.unauthorized, "invalid_credentials", signInMessages.invalid);
      }
      sessionCookie.write(c, outcome.token, Math.floor(policy.absoluteMs / 1000));
      viewCookie.clear(c);
      return form ? c.redirect(next, Status.seeOther) : c.json({ next }, Status.ok);
    })
    .post("/auth/logout", async (c) => {
      const token = sessionCookie.read(c);
      if (token) await deps.auth.sessions.end(token);
      sessionCookie.clear(c);
      viewCookie.clear(c);
      c.header("Clear-Site-Data", '"cache"');
      return bodyKind(c) === "form" ? c.redirect("/", Status.seeOther) : c.json({ signedOut: true }, Status.ok);
    })
    .post("/auth/view", async (c) => {
      const { form, body } = await readJsonOrForm(c);
      const parsed = viewSchema.safeParse(body);
      if (!parsed.success)
        throw new ApiError(Status.badRequest, "invalid_input", 'Send "as": "customer" or "employee".');
      if (!c.get("employee")) throw new ApiError(Status.unauthorized, "signed_out", "Sign in as an employee first.");
      if (parsed.data.as === "customer") viewCookie.setCustomer(c);
      else viewCookie.clear(c);
      const next = safeReturnPath(parsed.data.next);
      return form ? c.redirect(next, Status.seeOther) : c.json({ view: parsed.data.as }, Status.ok);
    });

  /** The page itself, outside /api: filled in on the server so it works without JavaScript. */
  const page = new Hono<AppEnv>().get("/sign-in/", (c) => {
    const next = safeReturnPath(c.req.query("next"));
    if (c.get("employee")) return c.redirect(next, Status.seeOther);
    return signInPage(c, 200, { next });
  });

  return { api, page };
}
