import { ApiError } from "../errors.ts";

interface RouteEntry {
  method: string;
  path: string;
}

/** `/api/feedback/:id` → a pattern matching `/api/feedback/anything-but-a-slash`. */
function patternOf(path: string): RegExp {
  const escaped = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}

/**
 * For a request no route took: a 405 naming the methods the path does have (in `Allow`), or
 * undefined when no route has the path at all (a 404 then). Middleware (`ALL`) does not count.
 */
export function methodNotAllowed(routes: readonly RouteEntry[], method: string, path: string): ApiError | undefined {
  const methods = new Set(
    routes.filter((r) => r.method !== "ALL" && patternOf(r.path).test(path)).map((r) => r.method.toUpperCase()),
  );
  if (methods.size === 0 || methods.has(method)) return undefined;
  if (methods.has("GET")) methods.add("HEAD");
  const allow = [...methods].sort().join(", ");
  return new ApiError("method_not_allowed", `${path} takes ${allow} only.`, {
    headers: { Allow: allow },
  });
}
