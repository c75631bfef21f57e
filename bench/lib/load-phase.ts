/**
 * One load phase against one server on 127.0.0.1, and what it cost the processes behind it:
 * requests per second from autocannon, and CPU milliseconds per request from each process's own
 * CPU time (/proc/<pid>/stat, every thread) read before the phase and once its last request is
 * done, divided by the requests the server answered (counted from its one JSON log line per
 * request, so a request cut off at the phase's end is counted if and only if it was served).
 */
import autocannon from "autocannon";
import { processCpuSeconds } from "./process-tree.ts";

export interface Phase {
  name: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  connections: number;
  /** The phase ends after this many requests or its seconds, whichever comes first. */
  maxRequests: number;
  /**
   * Its own time bound, for a phase meant to end on its count: a request cut off at the end may
   * have cost the server its CPU without being answered, which only a phase of many requests can
   * ignore (workerd stops a request whose client went away; the hash it was computing is spent).
   */
  seconds?: number;
}

/** A running server: where it listens, whose CPU counts, how many requests it has answered so far. */
export interface Measured<P extends string> {
  url: string;
  pids: Record<P, number>;
  answered(): number;
}

export interface PhaseResult<P extends string> {
  rps: number;
  p99: number;
  answered: number;
  /** Responses other than 2xx, and connection errors or timeouts: a phase that measured failures. */
  failures: number;
  cpuMsPerRequest: Record<P, number>;
}

/** Counts the request log lines in a server's output, fed in chunks as they come. */
export function requestLineCounter() {
  let count = 0;
  let partial = "";
  return {
    feed(text: string) {
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.includes('"type":"request"')) count += 1;
    },
    count: () => count,
  };
}

/** Resolves once `count` has not moved for `quietMs` (the server has finished what it was given), or after 10 s. */
async function settled(count: () => number, quietMs = 300): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = count();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (count() === last) return;
    last = count();
  }
}

const cpuOf = <P extends string>(pids: Record<P, number>) =>
  Object.fromEntries(Object.entries<number>(pids).map(([name, pid]) => [name, processCpuSeconds(pid)])) as Record<
    P,
    number
  >;

export async function loadPhase<P extends string>(
  server: Measured<P>,
  phase: Phase,
  seconds: number,
): Promise<PhaseResult<P>> {
  const cpuBefore = cpuOf(server.pids);
  const answeredBefore = server.answered();
  const result = await autocannon({
    url: `${server.url}${phase.path}`,
    method: phase.method ?? "GET",
    connections: phase.connections,
    duration: phase.seconds ?? seconds,
    maxOverallRequests: phase.maxRequests,
    ...(phase.body ? { body: phase.body, headers: { "content-type": "application/json" } } : {}),
  });
  await settled(server.answered);
  const cpuAfter = cpuOf(server.pids);
  const answered = server.answered() - answeredBefore;
  const cpuMsPerRequest = Object.fromEntries(
    (Object.keys(server.pids) as P[]).map((name) => [
      name,
      answered > 0 ? ((cpuAfter[name] - cpuBefore[name]) * 1000) / answered : Number.NaN,
    ]),
  ) as Record<P, number>;
  return {
    rps: result.requests.total / result.duration,
    p99: result.latency.p99,
    answered,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest,
  };
}
