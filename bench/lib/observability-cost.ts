/**
 * What logging and metrics cost, for bench:api: the same server twice, one as shipped (a JSON
 * line per request on stdout, LOG_LEVEL=info, and metrics collected) and one with both off
 * (LOG_LEVEL=silent, METRICS=off), health and feedback alternated between them `runs` times, so
 * both get the same chances on a noisy machine. The ratio is on/off throughput of the best runs.
 */
import { join } from "node:path";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";
import { best, feedbackBody, load, type Run, show } from "./api-load.ts";

export interface CostOptions {
  site: string;
  seconds: number;
  connections: number;
  runs: number;
}

const settings = {
  on: { LOG_LEVEL: "info", METRICS: "on" },
  off: { LOG_LEVEL: "silent", METRICS: "off" },
} as const;

/** Throughput with logging and metrics on, as a share of it with both off: health's and feedback's. */
export async function observabilityCost(options: CostOptions): Promise<{ health: number; feedback: number }> {
  const servers: Partial<Record<keyof typeof settings, ServerProcess>> = {};
  const runs = {
    on: { health: [] as Run[], feedback: [] as Run[] },
    off: { health: [] as Run[], feedback: [] as Run[] },
  };
  try {
    for (const mode of ["on", "off"] as const) {
      servers[mode] = await startServerProcess({
        LIBSQL_URL: `file:${join(scratchDir("bench-api"), `observability-${mode}.db`)}`,
        PUBLIC_SITE_DIR: options.site,
        FEEDBACK_RATE_LIMIT: "off",
        ...settings[mode],
      });
    }
    const { seconds, connections } = options;
    console.log("\nlogging and metrics on (LOG_LEVEL=info, METRICS=on) against both off, alternated:");
    for (let run = 0; run < options.runs; run++) {
      for (const mode of ["on", "off"] as const) {
        const url = (servers[mode] as ServerProcess).url;
        runs[mode].health.push(await load(`${url}/api/health`, { seconds, connections }));
        show(`${mode.padEnd(3)} GET /api/health`, runs[mode].health.at(-1) as Run);
        runs[mode].feedback.push(
          await load(`${url}/api/feedback`, { seconds, connections, method: "POST", body: feedbackBody }),
        );
        show(`${mode.padEnd(3)} POST /api/feedback`, runs[mode].feedback.at(-1) as Run);
      }
    }
  } finally {
    for (const server of Object.values(servers)) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
  return {
    health: best(runs.on.health).rps / best(runs.off.health).rps,
    feedback: best(runs.on.feedback).rps / best(runs.off.feedback).rps,
  };
}
