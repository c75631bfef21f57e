/**
 * `npm run bench:edge` measures the Worker in plain workerd (scripts/lib/workerd/), beside the
 * Node server. These prove that what it loads is the app answering as Node does, not an error
 * page, and that the requests it divides CPU time by are counted right on both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLineCounter } from "../../bench/lib/load-phase.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";
import { type PlainWorkerd, startPlainWorkerd } from "../../scripts/lib/workerd/plain-workerd.ts";
import { seen } from "../support/same-answer.ts";

const serverSecret = "a-secret-for-the-plain-workerd-test-long-enough";
const workerdLines = requestLineCounter();
const nodeLines = requestLineCounter();
let node: ServerProcess;
let workerd: PlainWorkerd;

beforeAll(async () => {
  const dir = scratchDir("plain-workerd");
  [node, workerd] = await Promise.all([
    startServerProcess({ LIBSQL_URL: `file:${dir}/node.db`, SERVER_SECRET: serverSecret }),
    startPlainWorkerd({
      databaseFile: `${dir}/edge.db`,
      variables: { SERVER_SECRET: serverSecret },
      onOutput: workerdLines.feed,
    }),
  ]);
  node.child.stdout?.on("data", (chunk: Buffer) => nodeLines.feed(chunk.toString()));
});
afterAll(async () => {
  await workerd?.close();
  node?.child.kill("SIGTERM");
  await node?.exited;
});

/** Resolves once `count` reaches `expected`, or after two seconds with what it reached. */
async function countReaches(count: () => number, expected: number): Promise<number> {
  const deadline = Date.now() + 2000;
  while (count() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return count();
}

/** The count once lines of earlier requests stop arriving (stdout is read as it comes). */
async function settled(count: () => number): Promise<number> {
  for (let last = -1, waited = 0; count() !== last && waited < 2000; waited += 200) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return count();
}

describe("the Worker in plain workerd, as bench:edge serves it", () => {
  it("answers liveness and the seed topic's page exactly as the Node server does", async () => {
    for (const path of ["/api/health", "/topics/temporary-login-code/"]) {
      const [fromNode, fromWorkerd] = await Promise.all([seen(node.url, path), seen(workerd.url, path)]);
      expect({ path, status: fromNode.status }).toEqual({ path, status: 200 });
      expect({ path, ...fromWorkerd }).toEqual({ path, ...fromNode });
    }
    expect((await seen(workerd.url, "/topics/temporary-login-code/")).body).toContain(
      "Generating a temporary login code",
    );
  });

  it("logs one request line per request on both runtimes, the count the bench divides CPU time by", async () => {
    const before = { node: await settled(nodeLines.count), workerd: await settled(workerdLines.count) };
    for (let i = 0; i < 5; i++) {
      await Promise.all([seen(node.url, "/api/health"), seen(workerd.url, "/no-such-page/")]);
    }
    expect({
      node: (await countReaches(nodeLines.count, before.node + 5)) - before.node,
      workerd: (await countReaches(workerdLines.count, before.workerd + 5)) - before.workerd,
    }).toEqual({ node: 5, workerd: 5 });
  });

  it("serves its floor, a Worker that only answers ok, from the same process", async () => {
    const answer = await fetch(workerd.floorUrl);
    expect({ status: answer.status, body: await answer.text() }).toEqual({ status: 200, body: "ok" });
  });
});
