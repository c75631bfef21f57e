/**
 * What the API promises its callers, for the islands and the server alike. Nothing here
 * touches the DOM, the network or the database.
 */

/** One field a person can fix, e.g. `{ field: "comment", message: "Use at most 1000 characters." }`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one JSON error shape every API failure uses. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldProblem[];
  };
}

/**
 * The app's type, for calls the compiler checks at both ends (`InferRequestType`,
 * `InferResponseType`). A type only: it is erased from every bundle, so no server code
 * reaches a browser.
 */
export type { AppType } from "../../functions/app/create-app.ts";

/** Reads an answer's error body, whatever came back (a proxy's HTML page, nothing at all). */
export function errorBodyOf(value: unknown): ErrorBody["error"] | undefined {
  if (typeof value !== "object" || value === null || !("error" in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, fields } = error as Record<string, unknown>;
  if (typeof message !== "string") return undefined;
  return {
    code: typeof code === "string" ? code : "unknown",
    message,
    ...(Array.isArray(fields)
      ? {
          fields: fields.filter(
            (f): f is FieldProblem => typeof f?.field === "string" && typeof f?.message === "string",
          ),
        }
      : {}),
  };
}
