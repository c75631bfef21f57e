import type { AppDeps } from "../app/deps.ts";

/** How often the server looks for messages due again (retries) and for the digest's hour. */
const everyMs = 15_000;

/**
 * On Node the server's own timer does what the Cron Trigger does on the edge: queues the daily
 * digest when its hour comes and sends what is due (retries, and messages a restart left). A
 * message for a new answer does not wait for it: the request that stored the answer sends it.
 * Returns what stops the timer.
 */
export function tellWritersOnSchedule(deps: Pick<AppDeps, "notifier" | "log">): () => void {
  const { notifier, log } = deps;
  if (!notifier) return () => {};
  const tick = () =>
    notifier
      .queueDigestIfDue()
      .then(() => notifier.deliverDue())
      .catch((error: unknown) => log.error("writer_messages_failed", error));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
