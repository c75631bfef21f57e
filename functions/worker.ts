/**
 * The edge entry: the same app as `npm start`, on Cloudflare Workers (wrangler.jsonc). It only
 * assembles the app's dependencies from the Worker's bindings; everything else is the app.
 */
import type { ExecutionContext } from "hono";
import { createApp } from "./app/create-app.ts";
import { ApiError, errorResponse } from "./app/errors.ts";
import { housekeeping } from "./app/housekeeping.ts";
import { jsonLogger } from "./app/lib/log.ts";
import { createWebDb } from "./db/web-client.ts";
import { housekeepingCron } from "./edge/crons.ts";
import { edgeDeps } from "./edge/deps.ts";
import { type EdgeBindings, type EdgeConfig, parseEdgeEnv } from "./edge/env.ts";
import { requireCurrentSchema } from "./edge/schema-check.ts";

/** The parts of the runtime's context the Worker uses. */
interface WaitsFor {
  waitUntil(promise: Promise<unknown>): void;
}

/** The Worker's own log lines (its logs, `wrangler tail`), in the app's one shape. */
const log = jsonLogger();

function misconfigured(error: unknown): Response {
  log.error("misconfigured", error);
  return errorResponse(
    new ApiError("unavailable", "The help center is not configured yet. Try again later.", {
      headers: { "Retry-After": "60" },
    }),
  );
}

/** A deployment's bindings do not change while an isolate lives: parsed once per bindings object. */
const parsedConfigs = new WeakMap<EdgeBindings, EdgeConfig>();

function configOf(bindings: EdgeBindings): EdgeConfig {
  let config = parsedConfigs.get(bindings);
  if (!config) {
    config = parseEdgeEnv(bindings);
    parsedConfigs.set(bindings, config);
  }
  return config;
}

export default {
  async fetch(request: Request, bindings: EdgeBindings, context?: ExecutionContext): Promise<Response> {
    let config: EdgeConfig;
    try {
      config = configOf(bindings);
    } catch (error) {
      return misconfigured(error);
    }
    const db = createWebDb(config.database);
    const { deps, sites } = await edgeDeps(config, bindings.ASSETS, db);
    const app = createApp(deps, { sites, guard: requireCurrentSchema(db) });
    // The context lets work go on after the response (lib/background.ts): telling writers.
    return app.fetch(request, bindings, context);
  },

  /**
   * The Cron Triggers in wrangler.jsonc, what the Node server does on timers: every five minutes
   * the writers' messages (the digest when its hour comes, retries); hourly, housekeeping too.
   */
  async scheduled(controller: { cron: string }, bindings: EdgeBindings, context: WaitsFor): Promise<void> {
    const config = configOf(bindings);
    const db = createWebDb(config.database);
    if (controller.cron === housekeepingCron) {
      context.waitUntil(
        housekeeping(db, Date.now(), config.retention).catch((error: unknown) =>
          log.error("housekeeping_failed", error),
        ),
      );
    }
    if (!config.webhook) return;
    const { deps } = await edgeDeps(config, bindings.ASSETS, db);
    if (deps.notifier) context.waitUntil(deps.notifier.onSchedule());
  },
};
