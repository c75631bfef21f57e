import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { sessionCookie } from "./cookies.ts";

export interface SessionLookupOptions {
  /** Requests that are the same for everyone (hashed assets both builds share): no lookup. */
  skip?: (path: string) => boolean;
  /** Requests that record what a reader did (searches): looked up without touching the session. */
  untouched?: (path: string) => boolean;
}

/**
 * Finds the signed-in employee, if any, for the routes and the audience switch. Skipped for
 * the requests that are the same for everyone, which are most requests a page makes.
 */
export function sessionLookup(deps: AppDeps, options: SessionLookupOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const token = options.skip?.(path) ? undefined : sessionCookie.read(c);
    const touch = !options.untouched?.(path);
    c.set("employee", token ? await deps.auth.sessions.find(token, { touch }) : undefined);
    await next();
  };
}
