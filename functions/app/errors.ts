import type { Context } from "hono";
import {
  type ErrorBody,
  type ErrorCode,
  type ErrorStatus,
  errorCodes,
  type FieldProblem,
} from "../../src/shared/api-errors.ts";

/** Named success and redirect codes, so handlers read as what they mean (an error's status follows from its code). */
export const Status = {
  ok: 200,
  created: 201,
  accepted: 202,
  seeOther: 303,
  unavailable: 503,
} as const;

/** Thrown by handlers and middleware; `onError` turns it into an ErrorBody response. Its status follows from its code. */
export class ApiError extends Error {
  readonly status: ErrorStatus;
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: FieldProblem[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.status = errorCodes[code];
    this.code = code;
    this.fields = extra.fields;
    this.headers = extra.headers ?? {};
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** The one 400 for input a person can fix: each field named with what to do (or only a message). */
export function invalidInput(fields: FieldProblem[] | undefined, message = "Some fields need attention."): ApiError {
  return new ApiError("invalid_input", message, fields ? { fields } : {});
}

/** The one way an error becomes a response: in the app through its context, or before there is one. */
export function errorResponse(error: ApiError, c?: Context): Response {
  if (!c) return Response.json(error.toBody(), { status: error.status, headers: error.headers });
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status);
}
