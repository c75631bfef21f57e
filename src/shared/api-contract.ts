/**
 * What the API promises its callers, for the islands and the server alike. Nothing here
 * touches the DOM, the network or the database.
 */

import type { ErrorBody } from "./api-errors.ts";

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
