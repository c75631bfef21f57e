/**
 * Feedback posted to a running server at a steady rate, for tests and benches (127.0.0.1 only).
 * Each request leaves on schedule whether or not the earlier ones have been answered (an open
 * loop), so a server that slows down meets the load it would meet and shows it as latency,
 * not as fewer requests. Bounded: it stops by itself after `maxRequests`.
 */
export interface AnsweredWrite {
  /** `performance.now()` when the request left and when its answer (or failure) came. */
  sentAt: number;
  answeredAt: number;
  /** 0 when the request failed without an answer. */
  status: number;
  /** The stored feedback's id, for a 201. */
  id: string | undefined;
}

export interface FeedbackLoad {
  /** Every request answered or failed so far. */
  readonly writes: readonly AnsweredWrite[];
  /** Stops sending; resolves once every request sent has been answered or has failed. */
  stop(): Promise<void>;
}

/** More than this many unanswered requests and sending pauses: a stalled server is not buried. */
const maxInFlight = 2_000;

export function feedbackLoad(baseUrl: string, options: { perSecond: number; maxRequests: number }): FeedbackLoad {
  const writes: AnsweredWrite[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;

  const send = (n: number) => {
    const sentAt = performance.now();
    const request = fetch(`${baseUrl}/api/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topic: "temporary-login-code", rating: "good", comment: `Load write ${n}` }),
    })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as { id?: string };
        writes.push({ sentAt, answeredAt: performance.now(), status: response.status, id: body.id });
      })
      .catch(() => {
        writes.push({ sentAt, answeredAt: performance.now(), status: 0, id: undefined });
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const timer = setInterval(() => {
    const due = Math.min(options.maxRequests, Math.floor(((performance.now() - started) * options.perSecond) / 1000));
    while (sent < due && inFlight.size < maxInFlight) send(sent++);
    if (sent >= options.maxRequests) clearInterval(timer);
  }, 5);

  return {
    writes,
    async stop() {
      clearInterval(timer);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** The `q` quantile (0.99 for p99) of `values`, by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}
