/**
 * How long a call may wait for the database — a lock another process holds, a server that is
 * slow to answer — before it fails and the request gets a 503. Default: 5000 ms.
 */
export const defaultWaitMs = 5000;

/** fetch with a deadline: a libSQL server that accepts and never answers must not hold a request forever. */
export function fetchWithin(waitMs: number) {
  return (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(waitMs) });
}
