import { isDatabaseFault } from "../../db/faults.ts";
import { ApiError } from "../errors.ts";
import { Overloaded } from "./overloaded.ts";

/** Seconds a client is asked to wait after a database fault: long enough for a lock or a restart to pass. */
const faultRetryAfterSeconds = 5;

/**
 * A fault the reader can do nothing about but wait — the database away or busy, password
 * hashing full — as the API's 503, or undefined for anything else (a bug stays a 500).
 */
export function asUnavailable(error: unknown): ApiError | undefined {
  if (error instanceof Overloaded) {
    return new ApiError("unavailable", error.message, {
      headers: { "Retry-After": String(error.retryAfterSeconds) },
      cause: error,
    });
  }
  if (isDatabaseFault(error)) {
    return new ApiError(
      "unavailable",
      "The help center cannot reach its database right now. Please try again in a moment.",
      { headers: { "Retry-After": String(faultRetryAfterSeconds) }, cause: error },
    );
  }
  return undefined;
}
