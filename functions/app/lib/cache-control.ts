import type { Context } from "hono";

/** Every caching rule the help center sends, by name: the one place `Cache-Control` values are written. */
export const cachePolicies = {
  /** API answers and pages made for one request: a session's, a sandbox's or a reader's own state. */
  noStore: "no-store",
  /** What only a signed-in employee may see: neither a shared cache nor the browser's may keep it. */
  privateNoStore: "private, no-store",
  /** A hashed build asset (`/_astro/…`): its name changes whenever its content does. */
  immutableAsset: "public, max-age=31536000, immutable",
  /** A built page: any cache may keep it, but must ask again before using it. */
  revalidatePage: "public, max-age=0, must-revalidate",
} as const;
export type CachePolicy = keyof typeof cachePolicies;

/**
 * Gives an answer its caching rule: the answer being built (a context), or one already built
 * (its headers); with `ifUnset`, only when no route chose one.
 */
export function setCachePolicy(c: Context, policy: CachePolicy): void;
export function setCachePolicy(headers: Headers, policy: CachePolicy, options?: { ifUnset?: boolean }): void;
export function setCachePolicy(target: Context | Headers, policy: CachePolicy, options: { ifUnset?: boolean } = {}) {
  const value = cachePolicies[policy];
  if ("req" in target) target.header("Cache-Control", value);
  else if (!options.ifUnset || !target.has("Cache-Control")) target.set("Cache-Control", value);
}
