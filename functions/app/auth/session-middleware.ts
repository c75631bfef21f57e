import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { sessionCookie } from "./cookies.ts";

/**
 * Finds the signed-in employee, if any, for the routes and the audience switch. Skipped for
 * requests that are the same for everyone (`skip`: hashed assets both builds share), which are
 * most requests a page makes.
 */
export function sessionLookup(deps: AppDeps, skip: (path: string) => boolean = () => false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = skip(c.req.path) ? undefined : sessionCookie.read(c);
    c.set("employee", token ? await deps.auth.sessions.find(token) : undefined);
    await next();
  };
}
