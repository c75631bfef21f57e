import type { Server, ServerResponse } from "node:http";

export interface Draining {
  /** Whether `drain` has begun. */
  readonly started: boolean;
  /** Requests received and not yet answered in full. */
  inFlight(): number;
  /**
   * Stops accepting connections, closes the idle ones, and marks every answer from now on (and
   * those in flight not yet begun) `Connection: close`, so no client sends another request on a
   * connection that is about to end. Resolves true once every request in flight was answered,
   * false if some were still running at `deadline` (epoch ms); those are then cut off.
   */
  drain(deadline: number): Promise<boolean>;
}

/**
 * The requests a Node server is answering, and its orderly stop (Twelve-Factor's disposability:
 * a SIGTERM finishes what was accepted, and nothing accepted is left without an answer).
 */
export function drainingOf(server: Server): Draining {
  const inFlight = new Set<ServerResponse>();
  let started = false;

  // Before the app's own listener, so a request is known before anything of its answer is written.
  server.prependListener("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (started) response.shouldKeepAlive = false;
    response.once("close", () => inFlight.delete(response));
  });

  return {
    get started() {
      return started;
    },
    inFlight: () => inFlight.size,
    async drain(deadline) {
      started = true;
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      // Done when the last connection has ended: each ends after its answer, marked as its last.
      // (Node's `close` also closes the idle ones at once.)
      const answered = await beforeDeadline(new Promise<void>((resolve) => server.close(() => resolve())), deadline);
      if (!answered) server.closeAllConnections();
      return answered;
    },
  };
}

/** Whether `work` settles by `deadline` (epoch ms); the timer is cleared either way. */
export async function beforeDeadline(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
