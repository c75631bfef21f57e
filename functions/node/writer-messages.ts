import type { AppDeps } from "../app/deps.ts";

/** How often the server looks for messages due again (retries) and for the digest's hour. */
const everyMs = 15_000;

/**
 * On Node the server's own timer does what the Cron Trigger does on the edge: queues the daily
 * digest when its hour comes and sends what is due (retries, and messages a restart left). A
 * message for a new answer does not wait for it: the request that stored the answer sends it.
 * Returns what stops it: the timer at once, then the message being sent, settled when that one
 * is recorded (the database must stay open until then).
 */
export function tellWritersOnSchedule(deps: Pick<AppDeps, "notifier">): () => Promise<void> {
  const { notifier } = deps;
  if (!notifier) return () => Promise.resolve();
  void notifier.onSchedule();
  const timer = setInterval(() => void notifier.onSchedule(), everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return notifier.stop();
  };
}
