import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isHttps } from "../lib/client.ts";

/**
 * Over https cookies get `Secure` and the `__Host-` prefix (no Domain, Path=/), and only the
 * prefixed one counts: a subdomain or a plain-http page could set the bare name, never that one.
 */
function read(c: Context, name: string): string | undefined {
  return isHttps(c) ? getCookie(c, name, "host") : getCookie(c, name);
}

function write(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  const https = isHttps(c);
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    maxAge: maxAgeSeconds,
    ...(https ? { secure: true, prefix: "host" as const } : {}),
  });
}

function remove(c: Context, name: string): void {
  deleteCookie(c, name, { path: "/", ...(isHttps(c) ? { secure: true, prefix: "host" as const } : {}) });
}

export const sessionCookie = {
  read: (c: Context) => read(c, "session"),
  write: (c: Context, token: string, maxAgeSeconds: number) => write(c, "session", token, maxAgeSeconds),
  clear: (c: Context) => remove(c, "session"),
};

/** "View as customer": an employee sees the public pages without signing out. */
export const viewCookie = {
  asCustomer: (c: Context) => read(c, "view") === "customer",
  setCustomer: (c: Context) => write(c, "view", "customer", 12 * 3600),
  clear: (c: Context) => remove(c, "view"),
};

/**
 * Single sign-on's `state`, for the callback to compare: `__Host-` prefixed and `Secure` over
 * https like the session (so no sibling subdomain can plant one), and only the prefixed one counts.
 */
export const ssoStateCookie = {
  read: (c: Context) => read(c, "sso_state"),
  write: (c: Context, state: string) => write(c, "sso_state", state, 600),
  clear: (c: Context) => remove(c, "sso_state"),
};
