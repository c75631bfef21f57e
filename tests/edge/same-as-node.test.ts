import { readdirSync } from "node:fs";
import { Agent, type ClientRequest, request } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";
import { seen, seenAfterPosting } from "../support/same-answer.ts";

let node: ServerProcess;
const edge = inject("edgeUrl");

beforeAll(async () => {
  node = await startServerProcess({ ...inject("edgeSso"), LIBSQL_URL: `file:${scratchDir("same-as-node")}/node.db` });
});
afterAll(async () => {
  node.child.kill("SIGTERM");
  await node.exited;
});

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
      "/search-index.json",
      `/search-text/${readdirSync("dist/search-text")[0]}`,
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

describe("a reader in another language, on the edge", () => {
  it("gets the pages Node gives: translated, untranslated, right to left, their 404s and sign-in pages", async () => {
    const paths = [
      // Translated, and the original it is translated from.
      "/de/topics/temporary-login-code/",
      // Untranslated: opened from German it is the original (its notice shows by #untranslated-de),
      // and no German address has it.
      "/topics/add-a-user/",
      "/de/topics/add-a-user/",
      "/ar/",
      "/ar/topics/temporary-login-code/",
      "/de/no-such-page/",
      "/de/sign-in/?next=%2Fde%2Falerts%2F",
      "/ar/sign-in/",
      "/es/sign-in/?signed-out=1",
      "/fr/sign-in/",
      "/de/search-index.json",
      "/i18n/ar/feedback.json",
    ];
    for (const path of paths) {
      const [fromNode, fromEdge] = await Promise.all([seen(node.url, path), seen(edge, path)]);
      expect({ path, ...fromEdge }).toEqual({ path, ...fromNode });
    }
    const german = await seen(edge, "/de/sign-in/");
    expect(german.body).toContain('<html lang="de"');
    expect(german.body).toContain('name="next" value="/de/"');
    expect((await seen(edge, "/ar/topics/temporary-login-code/")).body).toMatch(/<html lang="ar" dir="rtl"/);
    expect((await seen(edge, "/de/no-such-page/")).status).toBe(404);
  });

  it("answers forms sent without JavaScript in the form's language, to its language's address, as Node does", async () => {
    // One client for these posts, its own: the Worker's feedback limit is low.
    const client = { "CF-Connecting-IP": "198.51.100.92" };
    const posts: [string, Record<string, string>][] = [
      ["/api/feedback?lang=de", { topic: "temporary-login-code", name: "Ada" }],
      ["/api/feedback?lang=de", { topic: "temporary-login-code", rating: "good" }],
      ["/api/feedback?lang=ar", { rating: "poor", reason: "out-of-date" }],
      ["/api/auth/login?lang=de", { email: "nobody@example.com", password: "not a password" }],
      ["/api/auth/login?lang=ar", { email: "nobody@example.com", next: "/ar/topics/temporary-login-code/" }],
      ["/api/auth/logout?lang=es", {}],
    ];
    for (const [path, fields] of posts) {
      const [fromNode, fromEdge] = await Promise.all([
        seenAfterPosting(node.url, path, fields, client),
        seenAfterPosting(edge, path, fields, client),
      ]);
      expect({ path, fields, ...fromEdge }).toEqual({ path, fields, ...fromNode });
    }
    const refused = await seenAfterPosting(edge, "/api/feedback?lang=de", { topic: "temporary-login-code" }, client);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<html lang="de"');
    const thanks = await seenAfterPosting(
      edge,
      "/api/feedback?lang=de",
      { topic: "temporary-login-code", found: "yes" },
      client,
    );
    expect(thanks.headers.location).toBe("/de/topics/temporary-login-code/?feedback=sent#feedback-thanks");
  });
});

describe("the API's document on the edge", () => {
  it("describes the Node server's routes and answers, less the metrics only Node has", async () => {
    const [fromNode, fromEdge] = await Promise.all(
      [node.url, edge].map(async (base) => {
        const answer = await fetch(`${base}/api/openapi.json`);
        expect(answer.status).toBe(200);
        return (await answer.json()) as { paths: Record<string, unknown>; components: { schemas: object } };
      }),
    );
    const { "/api/metrics": metrics, ...nodePaths } = fromNode?.paths ?? {};
    expect(metrics).toBeDefined();
    expect(fromEdge?.paths).toEqual(nodePaths);
    // What the edge's answers refer to is what the Node server's do.
    expect(fromNode?.components.schemas).toMatchObject(fromEdge?.components.schemas ?? {});
  });
});

interface Answer {
  status: number;
  body: string;
  /** Whether the request went over a connection an earlier request had used. */
  reusedConnection: boolean;
}

/** Sends `outgoing` through `send` and reads its answer. */
function answerTo(outgoing: ClientRequest, send: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    outgoing.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => {
        body += text;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body, reusedConnection: outgoing.reusedSocket }),
      );
    });
    outgoing.on("error", reject);
    send();
  });
}

/** A POST through `agent`, its body sent in 64 KB chunks with no Content-Length (Transfer-Encoding: chunked). */
function postInChunks(url: string, agent: Agent, bytes: number): Promise<Answer> {
  const headers = { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.90" };
  const post = request(url, { method: "POST", agent, headers });
  const chunk = Buffer.alloc(64 * 1024, " ");
  let sent = 0;
  const send = () => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!post.write(chunk)) return void post.once("drain", send);
    }
    post.end();
  };
  return answerTo(post, send);
}

const get = (url: string, agent: Agent) => {
  const asked = request(url, { agent });
  return answerTo(asked, () => asked.end());
};

describe("bodies the API refuses, on both runtimes", () => {
  it("answers a 5 MB body sent in chunks with 413, and the connection serves the next request", async () => {
    const outcome = async (base: string) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refused = await postInChunks(`${base}/api/feedback`, agent, 5 * 1024 * 1024);
        const next = await get(`${base}/api/health`, agent);
        return {
          status: refused.status,
          body: JSON.parse(refused.body) as unknown,
          next: next.status,
          reused: next.reusedConnection,
        };
      } catch (error) {
        return { failed: String(error) };
      } finally {
        agent.destroy();
      }
    };
    const expected = {
      status: 413,
      body: { error: { code: "payload_too_large", message: "Send at most 16 KB." } },
      next: 200,
      reused: true,
    };
    expect({ node: await outcome(node.url), edge: await outcome(edge) }).toEqual({ node: expected, edge: expected });
  });

  it("refuses JSON nested 7,000 deep with the same 400 as the Node server, not a 500", async () => {
    const deep = `${"[".repeat(7000)}${"]".repeat(7000)}`;
    const post = async (base: string, path: string, body: string) => {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.91" },
        body,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    for (const [path, body] of [
      ["/api/feedback", deep],
      ["/api/searches", deep],
      ["/api/auth/login", `{"email":${"[".repeat(3500)}${"]".repeat(3500)}}`],
      ["/api/demo/sign-in", `${'{"a":'.repeat(600)}1${"}".repeat(600)}`],
    ] as const) {
      const [fromNode, fromEdge] = await Promise.all([post(node.url, path, body), post(edge, path, body)]);
      expect({ path, status: fromNode.status }).toEqual({ path, status: 400 });
      expect({ path, ...fromEdge }).toEqual({ path, ...fromNode });
      expect(fromEdge.body).toMatchObject({ error: { code: "json_too_deep" } });
    }
  });
});
