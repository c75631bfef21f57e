import type { Context } from "hono";

/**
 * Work that must not hold up the reader's answer (telling writers). On the edge the platform
 * would end the isolate with the response, so it is handed to `waitUntil`; on Node the promise
 * simply runs on after the response (it catches its own errors).
 */
export function inBackground(c: Context, work: Promise<unknown>): void {
  let context: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    context = c.executionCtx;
  } catch {
    // Hono throws when the runtime gave no execution context (Node, app.request in tests).
    context = undefined;
  }
  context?.waitUntil(work);
}
