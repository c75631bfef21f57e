import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";

let node: ServerProcess;
const edge = inject("edgeUrl");

beforeAll(async () => {
  node = await startServerProcess({ ...inject("edgeSso"), LIBSQL_URL: `file:${scratchDir("same-as-node")}/node.db` });
});
afterAll(async () => {
  node.child.kill("SIGTERM");
  await node.exited;
});

const headersCompared = [
  "content-type",
  "cache-control",
  "vary",
  "location",
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "x-frame-options",
  "allow",
];

async function seen(base: string, path: string, method = "GET") {
  const response = await fetch(`${base}${path}`, { method, redirect: "manual" });
  const headers = Object.fromEntries(
    headersCompared.map((name) => [name, response.headers.get(name)?.toLowerCase().replace(/\s+/g, " ") ?? null]),
  );
  // Node compresses pages itself; on the edge the platform does (and adds its own Vary then).
  headers.vary = headers.vary?.replace(/,? ?accept-encoding/, "") || null;
  return { status: response.status, headers, body: await response.text() };
}

describe("an anonymous reader of the edge", () => {
  it("gets what the Node server gives: the same pages, 404s, redirects and headers", async () => {
    const asset = readdirSync("dist/_astro")[0];
    const paths = [
      "/",
      "/topics/temporary-login-code/",
      "/topics/temporary-login-code?from=mail",
      "/topics/internal-admin-temporary-code/",
      "/no-such-page/",
      "/sign-in/?next=%2Falerts%2F",
      "/search/",
      "/sitemap.xml",
      "/topics.json",
      "/pagefind/pagefind-entry.json",
      "/.build-stamp",
      `/_astro/${asset}`,
    ];
    for (const path of paths) {
      const [fromNode, fromEdge] = await Promise.all([seen(node.url, path), seen(edge, path)]);
      expect({ path, ...fromEdge }).toEqual({ path, ...fromNode });
    }
    const [nodeDelete, edgeDelete] = await Promise.all([seen(node.url, "/", "DELETE"), seen(edge, "/", "DELETE")]);
    expect(edgeDelete).toEqual(nodeDelete);
  });
});
