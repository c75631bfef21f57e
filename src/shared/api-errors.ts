import { z } from "zod";

/**
 * The API's one error shape, as a schema: what the server sends, what the OpenAPI document
 * describes, and (by type only) what the islands read. Kept apart from api-contract.ts so that
 * no island bundles zod.
 */

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
  /** The metrics need `METRICS_TOKEN` as a bearer token from anywhere but this machine. */
  token_required: 401,
  cross_origin: 403,
  not_a_navigation: 403,
  /** The metrics are read from this machine only while no `METRICS_TOKEN` is set. */
  local_only: 403,
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
  /** The server is stopping: its load balancer should send the request elsewhere. */
  shutting_down: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;
export type ErrorStatus = (typeof errorCodes)[ErrorCode];

const allCodes = Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]];

/** One field a person can fix, e.g. `{ field: "comment", message: "Use at most 1000 characters." }`. */
export const fieldProblemSchema = z
  .strictObject({
    /** Dotted path of the field (`searches.0.query`), or `body` for the whole of it. */
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: "FieldProblem" });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** The error body, with the codes an answer may carry (every code unless narrowed). */
export const errorBodySchema = (codes: readonly [ErrorCode, ...ErrorCode[]] = allCodes) =>
  z.strictObject({
    error: z.strictObject({
      code: z.enum(codes),
      /** Says what happened and what to do, in words a person can act on. */
      message: z.string(),
      /** With `invalid_input`: each field to fix. */
      fields: z.array(fieldProblemSchema).optional(),
    }),
  });
export type ErrorBody = z.infer<ReturnType<typeof errorBodySchema>>;
