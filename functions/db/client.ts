import { type Client, createClient } from "@libsql/client";

export interface DbConfig {
  /** `file:data/help-center.db` (embedded, the default) or a libSQL server's `libsql://…` URL. */
  url: string;
  authToken: string | undefined;
}

/**
 * Per-connection settings for an embedded file database. WAL lets readers work during a
 * write; FULL makes every commit reach the disk before a submission is answered; the busy
 * timeout makes a second process wait for the lock instead of failing.
 */
export const filePragmas = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
];

export function isFileUrl(url: string): boolean {
  return url.startsWith("file:");
}

/**
 * Opens the database. A file database gets ONE connection: @libsql/client would otherwise
 * open a pool of up to 20, and PRAGMAs run once would reach only one of them. Its calls are
 * synchronous anyway, so a pool adds no throughput within one process.
 */
export async function createDb(config: DbConfig): Promise<Client> {
  if (!isFileUrl(config.url)) {
    return createClient({ url: config.url, ...(config.authToken ? { authToken: config.authToken } : {}) });
  }
  const client = createClient({ url: config.url, concurrency: 1 });
  for (const pragma of filePragmas) await client.execute(pragma);
  return client;
}
