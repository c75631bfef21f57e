import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError, Status } from "../errors.ts";
import { type BodyKind, bodyKind } from "./body.ts";
import { isHttps } from "./client.ts";

const readOnly = new Set(["GET", "HEAD", "OPTIONS"]);

/** 415 unless the body is one of `kinds`; a reading method has no body to check (it may well get a 405). */
export function requireBody(...kinds: BodyKind[]): MiddlewareHandler {
  const expected = kinds
    .map((k) => (k === "json" ? "application/json" : "application/x-www-form-urlencoded"))
    .join(" or ");
  return async (c, next) => {
    if (readOnly.has(c.req.method)) return next();
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
    if (!readOnly.has(c.req.method)) {
      const origin = c.req.header("Origin");
      // Behind a TLS proxy the request reached us as http; the browser's origin is still https.
      const own = `${isHttps(c) ? "https" : "http"}://${new URL(c.req.url).host}`;
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
