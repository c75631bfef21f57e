import type { Context } from "hono";
import { ApiError } from "../errors.ts";
import { constantTimeEqual, type Hasher } from "../lib/crypto.ts";

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`), as a socket reports them. */
export function isLoopback(address: string): boolean {
  const bare = address.toLowerCase().replace(/^\[|\]$/g, "");
  return /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^(0{0,4}:){2,7}0{0,3}1$/.test(bare);
}

/** The token of `Authorization: Bearer <token>`, if the request sent one. */
function bearerToken(c: Context): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("Authorization") ?? "");
  return match?.[1];
}

/** Whether a proxy relayed the request: then a loopback address is the proxy's, not the client's. */
const relayedByProxy = (c: Context) =>
  ["forwarded", "x-forwarded-for", "x-real-ip"].some((name) => c.req.header(name) !== undefined);

/**
 * Who may read the metrics: a scraper with `METRICS_TOKEN` as its bearer token, or anyone on
 * this machine. The client's address is the one the runtime worked out (behind a trusted proxy,
 * the address the proxy saw). A request a proxy relayed is never "this machine", even when no
 * proxy is trusted and the proxy on this machine is all the socket shows.
 * Tokens are compared as SHA-256 digests in constant time: neither their content nor their
 * length shows in the time an answer takes.
 */
export type MetricsReader = (c: Context, address: string) => Promise<void>;

/** Throws the API's 401 or 403 unless the request may read the metrics. */
export function metricsReader(hasher: Hasher, token: string | undefined): MetricsReader {
  const expected = token === undefined ? undefined : hasher.digest(token);
  return async (c, address) => {
    const given = bearerToken(c);
    if (expected !== undefined && given !== undefined && constantTimeEqual(await hasher.digest(given), await expected))
      return;
    if (isLoopback(address) && !relayedByProxy(c)) return;
    if (expected === undefined) {
      throw new ApiError("local_only", "Metrics are read from this machine only, unless METRICS_TOKEN is set.");
    }
    throw new ApiError("token_required", "Send the metrics token as a bearer token.", {
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  };
}
