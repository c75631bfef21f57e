import { Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, errorResponse, Status } from "./errors.ts";
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

export function createApp(options: AppOptions = {}) {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(
        c,
        new ApiError(error.status, "bad_request", error.message || "The request could not be read."),
      );
    }
    options.onUnexpectedError?.(error);
    return errorResponse(
      c,
      new ApiError(Status.internalError, "internal_error", "Something went wrong on our side. Please try again."),
    );
  });

  const routes = app.route("/api", healthRoutes);

  app.all("/api/*", (c) =>
    errorResponse(c, new ApiError(Status.notFound, "not_found", `No API route ${c.req.method} ${c.req.path}.`)),
  );

  if (options.site) app.use("*", options.site);
  app.notFound((c) => errorResponse(c, new ApiError(Status.notFound, "not_found", "Nothing here.")));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
