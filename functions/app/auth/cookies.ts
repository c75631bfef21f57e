import type { Context } from "hono";
import { cookie } from "../lib/cookies.ts";

/** The employee's session: the token whose hash the sessions table keeps. */
export const sessionCookie = cookie("session");

const view = cookie("view");
/** "View as customer": an employee sees the public pages without signing out. */
export const viewCookie = {
  asCustomer: (c: Context) => view.read(c) === "customer",
  setCustomer: (c: Context) => view.write(c, "customer", 12 * 3600),
  clear: view.clear,
};

const ssoState = cookie("sso_state");
/**
 * Single sign-on's `state`, for the callback to compare: `__Host-` prefixed and `Secure` over
 * https like the session (so no sibling subdomain can plant one), and only the prefixed one counts.
 */
export const ssoStateCookie = {
  read: ssoState.read,
  write: (c: Context, state: string) => ssoState.write(c, state, 600),
  clear: ssoState.clear,
};
