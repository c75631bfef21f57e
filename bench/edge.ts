/**
 * What the edge costs: requests per second and CPU milliseconds per request of the Worker, served
 * by plain workerd as it would be deployed (scripts/lib/workerd/), beside the Node server (the
 * `npm start` bundle), measured in the same run, alternated. Figures, not a timed test.
 *   npm run bench:edge [-- --seconds 5 --connections 10 --runs 2 --sign-ins 20]
 * Four kinds of request: liveness, the seed topic's page, a feedback post (no rate limit) and an
 * employee's sign-in (PBKDF2 at OWASP's cost on both runtimes). Workers bill the Worker's CPU
 * time: its column is that process alone; the assets binding and the libSQL endpoint run in
 * processes of their own and are printed apart (on the platform, neither is the Worker's CPU).
 * Node's column is its whole process: the database work and the hashing thread included.
 */
import { staffAccounts } from "../functions/app/auth/accounts.ts";
import { pbkdf2Passwords } from "../functions/app/auth/pbkdf2-password.ts";
import { openMigratedDb } from "../functions/node/deps.ts";
import { buildIfStale } from "../scripts/build.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { startServerProcess } from "../scripts/lib/server-process.ts";
import { startPlainWorkerd } from "../scripts/lib/workerd/plain-workerd.ts";
import { loadPhase, type Measured, type Phase, type PhaseResult, requestLineCounter } from "./lib/load-phase.ts";
import { numberOption } from "./options.ts";

const seconds = numberOption("seconds", 5);
const connections = numberOption("connections", 10);
const runs = numberOption("runs", 2);
const signIns = numberOption("sign-ins", 20);

const employee = { email: "bench.employee@example.com", password: "the bench signs in with this" };
const serverSecret = "a-secret-for-the-edge-cost-bench-long-enough";
const phases: Phase[] = [
  { name: "GET /api/health", path: "/api/health", connections, maxRequests: 200_000 },
  { name: "GET a topic page", path: "/topics/temporary-login-code/", connections, maxRequests: 200_000 },
  {
    name: "POST /api/feedback",
    path: "/api/feedback",
    method: "POST",
    body: JSON.stringify({ topic: "temporary-login-code", rating: "good", found: "yes", comment: "Clear steps." }),
    connections,
    maxRequests: 200_000,
  },
  {
    name: "POST /api/auth/login",
    path: "/api/auth/login",
    method: "POST",
    body: JSON.stringify(employee),
    // Each costs a hash; two at a time keep both runtimes busy without queueing past their limits.
    connections: 2,
    maxRequests: signIns,
    seconds: 120,
  },
];

/** A fresh database with the employee (as tests/edge/global-setup.ts makes one). */
async function databaseWithEmployee(file: string): Promise<string> {
  const db = await openMigratedDb({ url: `file:${file}`, authToken: undefined });
  await staffAccounts(db, pbkdf2Passwords()).add(employee.email, employee.password);
  db.close();
  return file;
}

/** Every kind of request answered 2xx before anything is measured: a bench of error pages measures nothing. */
async function warmUp(url: string): Promise<void> {
  for (const phase of phases) {
    for (let i = 0; i < (phase.maxRequests < 1000 ? 2 : 20); i++) {
      const response = await fetch(`${url}${phase.path}`, {
        method: phase.method ?? "GET",
        ...(phase.body ? { body: phase.body, headers: { "content-type": "application/json" } } : {}),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${phase.name} at ${url} answered ${response.status}: ${body.slice(0, 300)}`);
    }
  }
}

await buildIfStale();
const dir = scratchDir("bench-edge");
const nodeCounter = requestLineCounter();
const edgeCounter = requestLineCounter();
const node = await startServerProcess({
  LIBSQL_URL: `file:${await databaseWithEmployee(`${dir}/node.db`)}`,
  SERVER_SECRET: serverSecret,
  FEEDBACK_RATE_LIMIT: "off",
});
node.child.stdout?.on("data", (chunk: Buffer) => nodeCounter.feed(chunk.toString()));
const edge = await startPlainWorkerd({
  databaseFile: await databaseWithEmployee(`${dir}/edge.db`),
  variables: { SERVER_SECRET: serverSecret, FEEDBACK_RATE_LIMIT: "off" },
  onOutput: edgeCounter.feed,
}).catch(async (error: unknown) => {
  node.child.kill("SIGTERM");
  throw error;
});

type NodePart = "node";
type EdgePart = "worker" | "assets" | "libsql";
const nodeServer: Measured<NodePart> = {
  url: node.url,
  pids: { node: node.child.pid as number },
  answered: nodeCounter.count,
};
const edgeServer: Measured<EdgePart> = { url: edge.url, pids: edge.pids, answered: edgeCounter.count };
/** The runtime's own cost: a Worker that only answers "ok", in the Worker's process (Node has no row of its own). */
const floor = {
  phase: { name: "workerd's floor", path: "/", connections, maxRequests: 200_000 } satisfies Phase,
  server: { ...edgeServer, url: edge.floorUrl },
};
const rows = [floor.phase, ...phases].map((phase) => ({
  phase,
  node: [] as PhaseResult<NodePart>[],
  edge: [] as PhaseResult<EdgePart>[],
}));

const cell = (value: number | undefined, width: number, digits = 2) =>
  (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "-").padStart(width);
const ratio = (a: number | undefined, b: number | undefined) =>
  (a !== undefined && b !== undefined && b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : "-").padStart(7);
const showRun = (label: string, phase: Phase, r: PhaseResult<string>) =>
  console.log(
    `${label.padEnd(8)} ${phase.name.padEnd(22)} ${cell(r.rps, 8, 0)} req/s  p99 ${String(r.p99).padStart(5)} ms  ${String(r.answered).padStart(6)} answered  ${r.failures} failed  CPU ms/request ${Object.entries(
      r.cpuMsPerRequest,
    )
      .map(([name, ms]) => `${name} ${cell(ms, 0, 3)}`)
      .join(", ")}`,
  );

console.log(
  `${connections} connections, ${seconds} s per phase; sign-ins: ${signIns} per phase, 2 at a time; ${runs} runs; 127.0.0.1 only`,
);
console.log(`Node ${node.url}   workerd ${edge.url} (pids: ${JSON.stringify(edge.pids)})\n`);
try {
  await warmUp(node.url);
  await warmUp(edge.url);
  for (let run = 0; run < runs; run++) {
    for (const row of rows) {
      const measureEdge = async () => {
        row.edge.push(await loadPhase(row.phase === floor.phase ? floor.server : edgeServer, row.phase, seconds));
        showRun("workerd", row.phase, row.edge.at(-1) as PhaseResult<EdgePart>);
      };
      const measureNode = async () => {
        if (row.phase === floor.phase) return;
        row.node.push(await loadPhase(nodeServer, row.phase, seconds));
        showRun("node", row.phase, row.node.at(-1) as PhaseResult<NodePart>);
      };
      // Who goes first alternates, so neither always meets the other's leftovers.
      for (const measure of run % 2 === 0 ? [measureNode, measureEdge] : [measureEdge, measureNode]) await measure();
    }
  }
} finally {
  await edge.close();
  node.child.kill("SIGTERM");
  await node.exited;
}

const best = <P extends string>(list: PhaseResult<P>[]) =>
  list.reduce<PhaseResult<P> | undefined>((a, b) => (a && a.rps >= b.rps ? a : b), undefined);
console.log("\nBest run of each (by req/s). CPU ms per request: Node's whole process; the Worker's process alone,");
console.log("with its assets and libSQL processes beside it. Ratios are workerd over Node.\n");
console.log(
  `${"".padEnd(22)} ${"Node".padStart(19)}   ${"Worker in workerd".padStart(19)} ${"assets".padStart(8)} ${"libSQL".padStart(8)}   ${"ratio".padStart(15)}`,
);
console.log(
  `${"request".padEnd(22)} ${"req/s".padStart(8)} ${"CPU ms".padStart(10)}   ${"req/s".padStart(8)} ${"CPU ms".padStart(10)} ${"CPU ms".padStart(8)} ${"CPU ms".padStart(8)}   ${"req/s".padStart(7)} ${"CPU".padStart(7)}`,
);
const failed = rows.some((row) => [...row.node, ...row.edge].some((r) => r.failures > 0 || r.answered === 0));
for (const row of rows) {
  const n = best(row.node);
  const e = best(row.edge);
  const nodeCpu = n?.cpuMsPerRequest.node;
  const workerCpu = e?.cpuMsPerRequest.worker;
  console.log(
    `${row.phase.name.padEnd(22)} ${cell(n?.rps, 8, 0)} ${cell(nodeCpu, 10, 3)}   ${cell(e?.rps, 8, 0)} ${cell(workerCpu, 10, 3)} ${cell(e?.cpuMsPerRequest.assets, 8, 3)} ${cell(e?.cpuMsPerRequest.libsql, 8, 3)}   ${ratio(e?.rps, n?.rps)} ${ratio(workerCpu, nodeCpu)}`,
  );
}
console.log(
  "\nTo price it: CPU ms per request (the Worker's column) × requests a month, against the CPU time and request prices",
);
console.log(
  "of your Workers plan (Cloudflare's Workers pricing page) and its per-request CPU limit (the limits page).",
);
console.log("Process CPU includes workerd's HTTP and logging work: it bounds what the platform bills from above.");
console.log("Shared machines are noisy: compare runs of the same bench, never figures from different runs.");
if (failed) console.log("\nSOME REQUESTS FAILED: the figures above measured errors (see the runs).");
process.exit(failed ? 1 : 0);
