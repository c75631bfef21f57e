import { Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { authRoutes } from "./auth/auth.routes.ts";
import { sessionLookup } from "./auth/session-middleware.ts";
import { dashboardRoutes } from "./dashboard/dashboard.routes.ts";
import { demoRoutes } from "./demo/demo.routes.ts";
import type { AppDeps, AppEnv } from "./deps.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { feedbackRoutes } from "./feedback/feedback.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { methodNotAllowed } from "./lib/allowed-methods.ts";
import { setCachePolicy } from "./lib/cache-control.ts";
import { requestLog } from "./lib/request-log.ts";
import { asUnavailable } from "./lib/unavailable.ts";
import { metricsRoutes } from "./metrics/metrics.routes.ts";
import { openApiRoutes } from "./openapi/openapi.routes.ts";
import { recordsReaders, searchesRoutes } from "./searches/searches.routes.ts";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.ts";
import { audienceSwitch, type Sites } from "./site/audience.ts";
import { countsReaders, viewsRoutes } from "./views/views.routes.ts";

export interface AppOptions {
  /**
   * Serve the built sites for every path the API does not own: the internal build to a signed-in
   * employee, the public one to everyone else.
   */
  sites?: Sites;
  /** Runs after the request's log line is begun, before anything else (the edge's schema check). */
  guard?: MiddlewareHandler<AppEnv>;
  /** Called with errors that became a 500 (after they are logged): tests watch for them. */
  onUnexpectedError?: (error: unknown) => void;
}

/** Hono's own 4xx (a malformed body: its validators throw 400) in the API's error shape. */
function fromHttpException(error: HTTPException): ApiError {
  if (/json/i.test(error.message)) return new ApiError("invalid_json", "The body is not valid JSON.");
  return new ApiError("bad_request", error.message || "The request could not be read.");
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(error, c);
    if (error instanceof HTTPException && error.status < 500) return errorResponse(fromHttpException(error), c);
    const unavailable = asUnavailable(error);
    if (unavailable) return errorResponse(unavailable, c);
    deps.log.error("unexpected_error", error, {
      requestId: c.get("requestId"),
      method: c.req.method,
      route: routePath(c),
    });
    options.onUnexpectedError?.(error);
    return errorResponse(new ApiError("internal_error", "Something went wrong on our side. Please try again."), c);
  });

  app.use("*", async (c, next) => {
    c.set("client", deps.requestClient(c));
    await next();
  });
  app.use("*", requestLog(deps.log, deps.runtime, deps.metrics?.collect));
  if (options.guard) app.use("*", options.guard);
  app.use("*", securityHeaders(contentSecurityPolicy(deps.inlineHashes)));
  app.use("/api/*", async (c, next) => {
    await next();
    // API answers carry a session's, a sandbox's or a reader's own state: no cache may keep them.
    setCachePolicy(c.res.headers, "noStore", { ifUnset: true });
  });
  app.use(
    "*",
    sessionLookup(deps, {
      ...(options.sites ? { skip: options.sites.isPublicAsset } : {}),
      untouched: (path) => recordsReaders(path) || countsReaders(path),
    }),
  );

  const auth = authRoutes(deps);
  const dashboard = dashboardRoutes(deps);
  const routes = app
    .route("/api", healthRoutes(deps))
    .route("/api", feedbackRoutes(deps))
    .route("/api", searchesRoutes(deps))
    .route("/api", viewsRoutes(deps))
    .route("/api", auth.api)
    .route("/api", demoRoutes(deps))
    .route("/api", dashboard.api)
    .route("/api", openApiRoutes(app));
  // Node only: the edge platform has its own analytics, and there the route is absent (404).
  if (deps.metrics) app.route("/api", metricsRoutes(deps.metrics));

  app.all("/api/*", (c) => {
    const wrongMethod = methodNotAllowed(routes.routes, c.req.method, c.req.path);
    if (wrongMethod) throw wrongMethod;
    throw new ApiError("not_found", `No API route ${c.req.method} ${c.req.path}.`);
  });
  app.route("/", auth.page);
  app.route("/", dashboard.page);

  if (options.sites) app.use("*", audienceSwitch(options.sites, deps.topics.languages));
  app.notFound((c) => errorResponse(new ApiError("not_found", "Nothing here."), c));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
