/** What bench:api's sections share: one bounded autocannon run against 127.0.0.1, and how it is printed. */
import autocannon from "autocannon";

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  errors: number;
}

export const feedbackBody = JSON.stringify({
  topic: "temporary-login-code",
  rating: "good",
  found: "yes",
  comment: "The steps worked; a screenshot of the dialog would help.",
});

export async function load(
  url: string,
  init: { seconds: number; connections: number; method?: "GET" | "POST"; body?: string },
): Promise<Run> {
  const result = await autocannon({
    url,
    connections: init.connections,
    duration: init.seconds,
    method: init.method ?? "GET",
    ...(init.body ? { body: init.body, headers: { "content-type": "application/json" } } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    other: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export const show = (name: string, r: Run) =>
  console.log(
    `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   2xx ${r.ok}   other ${r.other}   errors ${r.errors}`,
  );

/** The run with the most requests per second: the machines here are shared, and noise only slows. */
export const best = (list: readonly Run[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
