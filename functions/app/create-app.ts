import { Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./deps.ts";
import { ApiError, errorResponse, Status } from "./errors.ts";
import { feedbackRoutes } from "./feedback/feedback.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";

export interface AppOptions {
  /**
   * Serves the built site for every path the API does not own. The Node entry passes one;
   * on the edge the platform serves the static files itself.
   */
  site?: MiddlewareHandler;
  /** Called with errors that became a 500, so the entry can log them where it logs. */
  onUnexpectedError?: (error: unknown) => void;
}

/** Hono's own 4xx (a malformed JSON body, say) in the API's error shape. */
function fromHttpException(error: HTTPException): ApiError {
  const code = /json/i.test(error.message) ? "invalid_json" : "bad_request";
  const message =
    code === "invalid_json" ? "The body is not valid JSON." : error.message || "The request could not be read.";
  return new ApiError(error.status, code, message);
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) return errorResponse(c, fromHttpException(error));
    options.onUnexpectedError?.(error);
    return errorResponse(
      c,
      new ApiError(Status.internalError, "internal_error", "Something went wrong on our side. Please try again."),
    );
  });

  const routes = app.route("/api", healthRoutes).route("/api", feedbackRoutes(deps));

  app.all("/api/*", (c) =>
    errorResponse(c, new ApiError(Status.notFound, "not_found", `No API route ${c.req.method} ${c.req.path}.`)),
  );
  if (options.site) app.use("*", options.site);
  app.notFound((c) => errorResponse(c, new ApiError(Status.notFound, "not_found", "Nothing here.")));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
