import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { bodyKind, readBody } from "../lib/body.ts";
import { clientAddress } from "../lib/client.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { asUnavailable } from "../lib/unavailable.ts";
import { sessionCookie, viewCookie } from "./cookies.ts";
import type { SignInOutcome } from "./sign-in.ts";
import { fillSignInPage, signInMessages } from "./sign-in-page.ts";

const signInSchema = z.object({
  email: z.string().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().max(2048).optional(),
});

const viewSchema = z.object({ as: z.enum(["customer", "employee"]), next: z.string().max(2048).optional() });

type PageStatus = 200 | 401 | 429 | 503;

export function authRoutes(deps: AppDeps) {
  const { signIn, policy } = deps.auth;

  const signInPage = (c: Context, status: PageStatus, slots: { next: string; error?: string; email?: string }) => {
    if (!deps.pages.signIn) throw new ApiError(Status.unavailable, "unavailable", "The sign-in page is not built.");
    c.header("Cache-Control", "no-store");
    return c.html(fillSignInPage(deps.pages.signIn, slots), status);
  };

  /** Signs in, turning a fault (database away, hashing full) into the same outcome shape as the rest. */
  const attempt = async (email: string, password: string, address: string) => {
    try {
      return await signIn(email, password, address);
    } catch (error) {
      const unavailable = asUnavailable(error);
      if (!unavailable) throw error;
      return { kind: "unavailable" as const, error: unavailable };
    }
  };

  const answer = (
    c: Context<AppEnv>,
    form: boolean,
    outcome: Exclude<Awaited<ReturnType<typeof attempt>>, Extract<SignInOutcome, { kind: "signed_in" }>>,
    slots: { next: string; email: string },
  ) => {
    if (outcome.kind === "unavailable") {
      for (const [name, value] of Object.entries(outcome.error.headers)) c.header(name, value);
      if (form) return signInPage(c, 503, { ...slots, error: outcome.error.message });
      throw outcome.error;
    }
    if (outcome.kind === "throttled") {
      c.header("Retry-After", String(outcome.retryAfterSeconds));
      const message = signInMessages.throttled(outcome.retryAfterSeconds);
      if (form) return signInPage(c, 429, { ...slots, error: message });
      throw new ApiError(Status.tooManyRequests, "rate_limited", message);
    }
    if (form) return signInPage(c, 401, { ...slots, error: signInMessages.invalid });
    throw new ApiError(Status.unauthorized, "invalid_credentials", signInMessages.invalid);
  };

  const api = new Hono<AppEnv>()
    .use("/auth/*", sameOriginOnly(deps.allowedOrigins), limitBody(8 * 1024), requireBody("json", "form"))
    .post("/auth/login", async (c) => {
      const { form, body } = await readBody(c);
      const parsed = signInSchema.safeParse(body);
      if (!parsed.success) throw new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);
      const { email, password } = parsed.data;
      const next = redirectTarget(parsed.data.next);
      if (!email || !password) {
        if (form) return signInPage(c, 401, { next, email, error: signInMessages.incomplete });
        throw new ApiError(Status.badRequest, "invalid_input", signInMessages.incomplete);
      }
      const outcome = await attempt(email, password, clientAddress(c));
      if (outcome.kind !== "signed_in") return answer(c, form, outcome, { next, email });
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
      const { form, body } = await readBody(c);
      const parsed = viewSchema.safeParse(body);
      if (!parsed.success)
        throw new ApiError(Status.badRequest, "invalid_input", 'Send "as": "customer" or "employee".');
      if (!c.get("employee")) throw new ApiError(Status.unauthorized, "signed_out", "Sign in as an employee first.");
      if (parsed.data.as === "customer") viewCookie.setCustomer(c);
      else viewCookie.clear(c);
      const next = redirectTarget(parsed.data.next);
      return form ? c.redirect(next, Status.seeOther) : c.json({ view: parsed.data.as }, Status.ok);
    });

  /** The page itself, outside /api: filled in on the server so it works without JavaScript. */
  const page = new Hono<AppEnv>().get("/sign-in/", (c) => {
    const next = redirectTarget(c.req.query("next"));
    if (c.get("employee")) return c.redirect(next, Status.seeOther);
    return signInPage(c, 200, { next });
  });

  return { api, page };
}
