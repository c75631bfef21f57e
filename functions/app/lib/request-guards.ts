import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError, Status } from "../errors.ts";

export type BodyKind = "json" | "form";

/** The media type of the request body, or undefined for anything the API does not take. */
export function bodyKind(c: Context): BodyKind | undefined {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return "json";
  if (mediaType === "application/x-www-form-urlencoded") return "form";
  return undefined;
}

/**
 * The body of a request that may come as JSON (scripts) or as a form (plain HTML pages), with
 * which it was: the answer differs (JSON, or a page and a redirect). Malformed JSON is a 400.
 */
export async function readJsonOrForm(c: Context): Promise<{ form: boolean; body: unknown }> {
  if (bodyKind(c) === "form") return { form: true, body: await c.req.parseBody() };
  try {
    return { form: false, body: await c.req.json() };
  } catch (error) {
    throw new ApiError(Status.badRequest, "invalid_json", "The body is not valid JSON.", { cause: error });
  }
}

/** 415 unless the body is one of `kinds`. */
export function requireBody(...kinds: BodyKind[]): MiddlewareHandler {
  const expected = kinds
    .map((k) => (k === "json" ? "application/json" : "application/x-www-form-urlencoded"))
    .join(" or ");
  return async (c, next) => {
    const kind = bodyKind(c);
    if (!kind || !kinds.includes(kind)) {
      throw new ApiError(Status.unsupportedMediaType, "unsupported_media_type", `Send the body as ${expected}.`);
    }
    await next();
  };
}

/**
 * 413 for a body over `maxBytes`, whether or not it declares its length. A declared length is
 * checked from the header alone; only a streamed body is counted as it arrives (which turns
 * the request into a web stream, the slow path on Node).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError(Status.payloadTooLarge, "payload_too_large", `Send at most ${Math.floor(maxBytes / 1024)} KB.`);
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const declared = c.req.header("Content-Length");
    if (declared === undefined || c.req.header("Transfer-Encoding") !== undefined) return counted(c, next);
    if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) tooLarge();
    await next();
  };
}

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). A browser
 * always says where a POST comes from (Origin, or at least Sec-Fetch-Site); a request with
 * neither is not from a browser, and is left to validation and rate limits.
 */
export function sameOriginOnly(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.method !== "OPTIONS") {
      const origin = c.req.header("Origin");
      const own = new URL(c.req.url).origin;
      const fetchSite = c.req.header("Sec-Fetch-Site");
      const allowed = origin
        ? origin === own || allowedOrigins.includes(origin)
        : fetchSite === undefined || fetchSite === "same-origin" || fetchSite === "none";
      if (!allowed) {
        throw new ApiError(Status.forbidden, "cross_origin", "This request came from another site and was refused.");
      }
    }
    await next();
  };
}
