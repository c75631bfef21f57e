import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { clientAddress } from "../lib/client.ts";
import { cookie } from "../lib/cookies.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { valid } from "../lib/validate.ts";
import { demoDocs } from "./demo.openapi.ts";
import {
  advanceClockSchema,
  demoSignInSchema,
  demoUserParamSchema,
  deviceSchema,
  issueCodeSchema,
} from "./demo.schema.ts";
import { sandboxRules } from "./sandboxes.ts";

/** Names the visitor's sandbox; sent only to the demo's own routes. */
const sandboxCookie = cookie("demo_sandbox", "/api/demo");

function noSandbox(): ApiError {
  return new ApiError("no_sandbox", "Your demo has ended or was never started. Start it again.");
}

/** The live demo's API: every route acts only inside the sandbox named by the visitor's cookie. */
export function demoRoutes(deps: AppDeps) {
  const { sandboxes } = deps.demo;

  const sandboxOf = async (c: Context) => {
    const sandbox = await sandboxes.open(sandboxCookie.read(c));
    if (!sandbox) throw noSandbox();
    return sandbox;
  };
  const userIn = async (c: Context, userId: string) => {
    const sandbox = await sandboxOf(c);
    if (!(await sandboxes.hasUser(sandbox, userId)))
      throw new ApiError("no_user", "There is no such user in your demo.");
    return sandbox;
  };

  return new Hono<AppEnv>()
    .use("/demo/*", sameOriginOnly(deps.allowedOrigins), limitBody(4 * 1024))
    .post("/demo/sandbox", demoDocs.start, async (c) => {
      const created = await sandboxes.create(clientAddress(c));
      if ("retryAfterSeconds" in created) {
        throw new ApiError("rate_limited", "You started many demos lately. Try again later.", {
          headers: { "Retry-After": String(created.retryAfterSeconds) },
        });
      }
      sandboxCookie.write(c, created.id, sandboxRules.lifetimeMs / 1000);
      const sandbox = await sandboxes.open(created.id);
      if (!sandbox) throw noSandbox();
      return c.json(await sandboxes.state(sandbox), Status.created);
    })
    .get("/demo/sandbox", demoDocs.state, async (c) => c.json(await sandboxes.state(await sandboxOf(c)), Status.ok))
    .post(
      "/demo/users/:userId/code",
      demoDocs.issue,
      requireBody("json"),
      valid("param", demoUserParamSchema),
      valid("json", issueCodeSchema),
      async (c) => {
        const { userId } = c.req.valid("param");
        const sandbox = await userIn(c, userId);
        // The only response that ever carries the code itself.
        const issued = await sandboxes.codes.issue(sandbox.id, userId, sandbox.now, c.req.valid("json"));
        return c.json(issued, Status.created);
      },
    )
    .delete("/demo/users/:userId/code", demoDocs.revoke, valid("param", demoUserParamSchema), async (c) => {
      const { userId } = c.req.valid("param");
      const sandbox = await userIn(c, userId);
      if (!(await sandboxes.codes.revoke(sandbox.id, userId, sandbox.now))) {
        throw new ApiError("no_code", "This user has no live code to cancel.");
      }
      return c.json({ revoked: true }, Status.ok);
    })
    .put(
      "/demo/users/:userId/device",
      demoDocs.device,
      requireBody("json"),
      valid("param", demoUserParamSchema),
      valid("json", deviceSchema),
      async (c) => {
        const { userId } = c.req.valid("param");
        const sandbox = await userIn(c, userId);
        await sandboxes.setDevice(sandbox, userId, c.req.valid("json").paired);
        return c.json({ paired: c.req.valid("json").paired }, Status.ok);
      },
    )
    .post("/demo/sign-in", demoDocs.signIn, requireBody("json"), valid("json", demoSignInSchema), async (c) => {
      const sandbox = await sandboxOf(c);
      const { username, code } = c.req.valid("json");
      const userId = await sandboxes.userByName(sandbox, username);
      if (!userId) throw invalidInput([{ field: "username", message: "No user has that user name in this demo." }]);
      return c.json({ outcome: await sandboxes.codes.verify(sandbox.id, userId, code, sandbox.now) }, Status.ok);
    })
    .post("/demo/clock", demoDocs.clock, requireBody("json"), valid("json", advanceClockSchema), async (c) => {
      const sandbox = await sandboxOf(c);
      await sandboxes.advanceClock(sandbox, c.req.valid("json").hours * 3600_000);
      return c.json(await sandboxes.state((await sandboxes.open(sandbox.id)) ?? sandbox), Status.ok);
    });
}
