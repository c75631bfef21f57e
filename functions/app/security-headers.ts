import type { MiddlewareHandler } from "hono";
import { isHttps } from "./lib/client.ts";

export interface InlineHashes {
  /** `sha256-…` of every inline script the built pages carry (Astro inlines small ones). */
  scripts: readonly string[];
  /** `sha256-…` of every inline style element. */
  styles: readonly string[];
}

/**
 * A policy with no 'unsafe-inline': inline scripts and styles run only if their hash is listed.
 * Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  const quoted = (list: readonly string[]) => list.map((h) => `'${h}'`).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${quoted(hashes.scripts)}`.trim(),
    `style-src 'self' ${quoted(hashes.styles)}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(policy: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set("Content-Security-Policy", policy);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.set(
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    if (isHttps(c)) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  };
}
