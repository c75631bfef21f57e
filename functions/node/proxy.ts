import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { RequestClient } from "../app/lib/client.ts";

const listOf = (header: string | undefined) =>
  (header ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The client of a request to the Node server. With `trustedHops` proxies in front, each of
 * them appended the address it saw to `X-Forwarded-For`: the client is that many entries from
 * the right (anything further left the client wrote itself). https is what the nearest proxy
 * says in `X-Forwarded-Proto`; with no proxy trusted, it is whether this server speaks TLS,
 * which the Node server does not — whatever scheme a request target claims. The request id the
 * nearest proxy set (`X-Request-Id`) is taken only from a trusted one.
 */
export function nodeRequestClient(trustedHops: number): (c: Context) => RequestClient {
  return (c) => {
    const socket = getConnInfo(c).remote.address || "unknown";
    if (trustedHops === 0) return { address: socket, https: false };
    const forwarded = listOf(c.req.header("X-Forwarded-For"));
    const address = forwarded[Math.max(0, forwarded.length - trustedHops)] ?? socket;
    const https = listOf(c.req.header("X-Forwarded-Proto")).at(-1)?.toLowerCase() === "https";
    // Only a trusted proxy's id is taken: a client could otherwise write into every log line.
    return { address, https, requestId: c.req.header("X-Request-Id") };
  };
}
