import type { AppMetrics } from "../app/metrics/app-metrics.ts";

/** The Node server's own gauges: its memory and the password threads' queue (password-workers.ts). */
export function watchProcess(
  metrics: AppMetrics,
  hashing: { stats(): { running: number; waiting: number; refused: number } },
): void {
  metrics.watch("process_resident_memory_bytes", "Resident memory of the server process, in bytes.", () =>
    process.memoryUsage.rss(),
  );
  metrics.watch(
    "help_center_password_hashes",
    "Password hashes running on their threads or waiting for one (PASSWORD_THREADS, PASSWORD_QUEUE).",
    () => {
      const { running, waiting } = hashing.stats();
      return [
        { labels: { state: "running" }, value: running },
        { labels: { state: "waiting" }, value: waiting },
      ];
    },
  );
  metrics.watch(
    "help_center_password_hash_refusals_total",
    "Sign-ins answered 503 at once because the password queue was full.",
    () => hashing.stats().refused,
    "counter",
  );
}
