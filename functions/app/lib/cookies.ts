import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isHttps } from "./client.ts";

/** One cookie of the help center's: read, written and cleared by the same rules. */
export interface Cookie {
  read(c: Context): string | undefined;
  write(c: Context, value: string, maxAgeSeconds: number): void;
  clear(c: Context): void;
}

/**
 * The one way the help center sets a cookie: `HttpOnly`, `SameSite=Lax`, scoped to `path`.
 * Over https it gets `Secure`, and a cookie for the whole site (`path` "/") the `__Host-`
 * prefix (no Domain, Path=/), of which only the prefixed one counts: a subdomain or a plain-http
 * page could set the bare name, never that one. (The prefix demands Path=/, so a cookie scoped
 * to a folder goes without it.)
 */
export function cookie(name: string, path = "/"): Cookie {
  const prefixed = path === "/";
  const overHttps = (c: Context) =>
    isHttps(c) ? { secure: true, ...(prefixed ? { prefix: "host" as const } : {}) } : {};
  return {
    read: (c) => (prefixed && isHttps(c) ? getCookie(c, name, "host") : getCookie(c, name)),
    write: (c, value, maxAgeSeconds) =>
      setCookie(c, name, value, { httpOnly: true, sameSite: "Lax", path, maxAge: maxAgeSeconds, ...overHttps(c) }),
    clear: (c) => deleteCookie(c, name, { path, ...overHttps(c) }),
  };
}
