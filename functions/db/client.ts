import { type Client, createClient } from "@libsql/client";
import { recoveringClient } from "./recovering-client.ts";

export interface DbConfig {
  /** `file:data/help-center.db` (embedded, the default) or a libSQL server's `libsql://…` URL. */
  url: string;
  authToken: string | undefined;
  /**
   * How long a call may wait for the database — a lock another process holds, a server that
   * is slow to answer — before it fails and the request gets a 503. Default: 5000 ms.
   */
  waitMs?: number;
}

export const defaultWaitMs = 5000;

/**
 * Per-connection settings for an embedded file database. WAL lets readers work during a
 * write; FULL makes every commit reach the disk before a submission is answered; the busy
 * timeout makes a second process wait (boundedly) for the lock instead of failing at once.
 */
export function filePragmas(waitMs = defaultWaitMs): string[] {
  return [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    `PRAGMA busy_timeout = ${Math.round(waitMs)}`,
    "PRAGMA foreign_keys = ON",
  ];
}

export function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** fetch with a deadline: a libSQL server that accepts and never answers must not hold a request forever. */
function fetchWithin(waitMs: number) {
  return (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(waitMs) });
}

/**
 * Opens the database, as a client that replaces its connection after a fault (see
 * recovering-client.ts). A file database gets ONE connection: @libsql/client would otherwise
 * open a pool of up to 20, and PRAGMAs run once would reach only one of them. Its calls are
 * synchronous anyway, so a pool adds no throughput within one process.
 */
export async function createDb(config: DbConfig): Promise<Client> {
  const waitMs = config.waitMs ?? defaultWaitMs;
  const open = async (): Promise<Client> => {
    if (!isFileUrl(config.url)) {
      return createClient({
        url: config.url,
        fetch: fetchWithin(waitMs),
        ...(config.authToken ? { authToken: config.authToken } : {}),
      });
    }
    const client = createClient({ url: config.url, concurrency: 1 });
    try {
      for (const pragma of filePragmas(waitMs)) await client.execute(pragma);
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  };
  return recoveringClient(await open(), open);
}
