import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { RequestClient } from "../../functions/app/lib/client.ts";
import { nodeRequestClient } from "../../functions/node/proxy.ts";

/** What the Node entry makes of a request arriving from `socket` with these headers. */
async function clientOf(hops: number, headers: Record<string, string>, url = "http://help.example/x") {
  let seen: RequestClient | undefined;
  const app = new Hono().get("/x", (c) => {
    seen = nodeRequestClient(hops)(c);
    return c.text("ok");
  });
  await app.request(url, { headers }, { incoming: { socket: { remoteAddress: "10.0.0.5" } } });
  return seen;
}

describe("the client behind proxies", () => {
  it("trusts nobody by default: the socket's address, and plain http whatever the headers say", async () => {
    expect(await clientOf(0, { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" })).toEqual({
      address: "10.0.0.5",
      https: false,
    });
  });

  it("takes the address the one trusted proxy appended, not what the client wrote before it", async () => {
    const spoofed = { "X-Forwarded-For": "1.2.3.4, 198.51.100.20", "X-Forwarded-Proto": "https" };
    expect(await clientOf(1, spoofed)).toEqual({ address: "198.51.100.20", https: true });
  });

  it("counts as many entries from the right as there are trusted proxies", async () => {
    const headers = { "X-Forwarded-For": "1.2.3.4, 198.51.100.20, 10.1.1.1" };
    expect((await clientOf(2, headers))?.address).toBe("198.51.100.20");
    expect((await clientOf(5, headers))?.address).toBe("1.2.3.4");
  });

  it("falls back to the socket when a trusted proxy sent no X-Forwarded-For, and to http without X-Forwarded-Proto", async () => {
    expect(await clientOf(1, {})).toEqual({ address: "10.0.0.5", https: false });
  });

  it("is not switched to https by an absolute-form https request target over plain http", async () => {
    expect((await clientOf(0, {}, "https://help.example/x"))?.https).toBe(false);
    expect((await clientOf(1, { "X-Forwarded-Proto": "http" }, "https://help.example/x"))?.https).toBe(false);
  });
});
