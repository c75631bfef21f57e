/**
 * What the API promises its callers, for the islands and the server alike. Nothing here
 * touches the DOM, the network or the database.
 */

/** One field a person can fix, e.g. `{ field: "comment", message: "Use at most 1000 characters." }`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Every error code the API answers with, and the one status each comes with: a code the
 * compiler does not find here cannot be sent, and the OpenAPI document lists them per status.
 */
export const errorCodes = {
  /** A body Hono itself could not read. */
  bad_request: 400,
  /** Fields a person can fix, each named with what to do. */
  invalid_input: 400,
  invalid_json: 400,
  json_too_deep: 400,
  invalid_logout_token: 400,
  invalid_credentials: 401,
  signed_out: 401,
  cross_origin: 403,
  not_a_navigation: 403,
  not_found: 404,
  no_sandbox: 404,
  no_user: 404,
  no_code: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  /** The database away or busy, or password hashing full: try again after `Retry-After`. */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;
export type ErrorStatus = (typeof errorCodes)[ErrorCode];

/** The one JSON error shape every API failure uses. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
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

/** The error in an answer's body, or nothing (a proxy may answer with HTML, or not at all). */
export function errorBodyOf(value: unknown): Partial<ErrorBody["error"]> {
  const error = (value as Partial<ErrorBody> | null)?.error;
  return typeof error === "object" && error !== null ? error : {};
}
