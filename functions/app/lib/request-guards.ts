import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors.ts";
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
      throw new ApiError("unsupported_media_type", `Send the body as ${expected}.`);
    }
    await next();
  };
}

/**
 * Past this, what is left of a refused streamed body is cut off instead of read and dropped
 * (the connection is then reset): @hono/node-server drains as far after answering.
 */
const maxDrainBytes = 64 * 1024 * 1024;

/**
 * A streamed body's bytes, or undefined once it passes `maxBytes`. The rest of a refused body
 * is read and dropped before the 413 goes out: workerd resets the connection (or answers 500)
 * when a Worker answers while a chunked body it began reading is still arriving, and then the
 * client never sees the 413. Node's server would drain it itself; doing it here keeps one path.
 */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await discardRest(reader, size);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let read = alreadyRead;
  try {
    while (read <= maxDrainBytes) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.length;
    }
    await reader.cancel();
  } catch {
    // The client stopped sending: the 413 goes out all the same, if anyone is left to read it.
  }
}

/**
 * 413 for a body over `maxBytes`, whether or not it declares its length. A declared length is
 * checked from the header alone; only a streamed body is counted as it arrives (which turns
 * the request into a web stream, the slow path on Node), and one that proves too large is read
 * to its end before the 413, so that the client gets it and keeps its connection, on both runtimes.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => new ApiError("payload_too_large", `Send at most ${Math.floor(maxBytes / 1024)} KB.`);
  return async (c, next) => {
    const declared = c.req.header("Content-Length");
    const streamed = declared === undefined || c.req.header("Transfer-Encoding") !== undefined;
    if (!streamed) {
      if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) throw tooLarge();
      return next();
    }
    if (!c.req.raw.body) return next();
    const bytes = await readAtMost(c.req.raw.body, maxBytes);
    if (!bytes) throw tooLarge();
    c.req.raw = new Request(c.req.raw, { body: bytes });
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
        throw new ApiError("cross_origin", "This request came from another site and was refused.");
      }
    }
    await next();
  };
}
