/**
 * The edge entry: the same app as `npm start`, on Cloudflare Workers (wrangler.jsonc). It only
 * assembles the app's dependencies from the Worker's bindings; everything else is the app.
 */
import { Hono } from "hono";
import { createApp } from "./app/create-app.ts";
import { ApiError, errorResponse, Status } from "./app/errors.ts";
import { housekeeping } from "./app/housekeeping.ts";
import { createWebDb } from "./db/web-client.ts";
import { edgeDeps } from "./edge/deps.ts";
import { type EdgeBindings, parseEdgeEnv } from "./edge/env.ts";
import { requireCurrentSchema } from "./edge/schema-check.ts";

/** The parts of the runtime's context the Worker uses. */
interface WaitsFor {
  waitUntil(promise: Promise<unknown>): void;
}

function misconfigured(error: unknown): Response {
  console.error(error);
  const app = new Hono();
  app.all("*", (c) =>
    errorResponse(
      c,
      new ApiError(Status.unavailable, "unavailable", "The help center is not configured yet. Try again later.", {
        headers: { "Retry-After": "60" },
      }),
    ),
  );
  return app.fetch(new Request("https://help-center.invalid/")) as Response;
}

export default {
  async fetch(request: Request, bindings: EdgeBindings): Promise<Response> {
    let config: ReturnType<typeof parseEdgeEnv>;
    try {
      config = parseEdgeEnv(bindings);
    } catch (error) {
      return misconfigured(error);
    }
    const db = createWebDb(config.database);
    const { deps, sites } = await edgeDeps(config, bindings.ASSETS, db);
    const app = createApp(deps, { sites, onUnexpectedError: (error) => console.error("Unexpected error:", error) });
    return new Hono().use("*", requireCurrentSchema(db)).route("/", app).fetch(request);
  },

  /** The Cron Trigger in wrangler.jsonc: the hourly housekeeping the Node server does on a timer. */
  async scheduled(_controller: unknown, bindings: EdgeBindings, context: WaitsFor): Promise<void> {
    const config = parseEdgeEnv(bindings);
    context.waitUntil(housekeeping(createWebDb(config.database), Date.now()));
  },
};
