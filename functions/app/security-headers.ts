import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import { isHttps } from "./lib/client.ts";

export interface InlineHashes {
  /** `sha256-…` of every inline script the built pages carry (Astro inlines small ones). */
  scripts: readonly string[];
  /** `sha256-…` of every inline style element. */
  styles: readonly string[];
}

const hashList = z.array(z.string().regex(/^sha256-[A-Za-z0-9+/]+=*$/));
const manifestSchema = z.object({ scripts: hashList, styles: hashList });

/** A build's `csp-hashes.json`, checked: a broken manifest stops the start, naming the problem. */
export function parseInlineHashes(manifest: unknown): InlineHashes {
  return parseOrExplain(manifestSchema, manifest, "The build's csp-hashes.json is not a hash manifest");
}

/** Both builds' hashes in one policy: the same origin serves either build. */
export function mergeInlineHashes(manifests: readonly InlineHashes[]): InlineHashes {
  const union = (pick: (m: InlineHashes) => readonly string[]) => [...new Set(manifests.flatMap(pick))].sort();
  return { scripts: union((m) => m.scripts), styles: union((m) => m.styles) };
}

/**
 * A policy with no 'unsafe-inline': inline scripts and styles run only if their hash is listed.
 * No script may compile code either ('unsafe-eval', 'wasm-unsafe-eval'): the site's search runs
 * its own code on its own index (src/scripts/search-core.ts) and reads the pages' texts as data.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  const quoted = (list: readonly string[]) => list.map((h) => `'${h}'`).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' ${quoted(hashes.scripts)}`.trim(),
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
