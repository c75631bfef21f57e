import { type Client, createClient } from "@libsql/client";
import { isFileUrl } from "./file-url.ts";
import { type FileDbOptions, nodeSqliteClient } from "./node-sqlite-client.ts";
import { recoveringClient } from "./recovering-client.ts";
import { defaultWaitMs, fetchWithin } from "./wait.ts";

export interface DbConfig {
  /** `file:data/help-center.db` (embedded, the default) or a libSQL server's `libsql://…` URL. */
  url: string;
  authToken: string | undefined;
  /** How long a call may wait for the database before a 503 (see wait.ts). */
  waitMs?: number;
}

/**
 * The driver's own wait for a lock. It waits synchronously, holding up every other request,
 * so it is kept short; the configured wait is spent retrying without blocking
 * (recovering-client.ts).
 */
export const driverBusyTimeoutMs = 20;

/**
 * Per-connection settings for an embedded file database. WAL lets readers work during a
 * write; FULL makes every commit reach the disk before a submission is answered (the server
 * does that sync off its serving thread instead: `backgroundSyncs`); the busy
 * timeout lets a write meet another process's brief lock instead of failing at once.
 */
const filePragmas = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  `PRAGMA busy_timeout = ${driverBusyTimeoutMs}`,
  "PRAGMA foreign_keys = ON",
  // Deleted rows are overwritten, not only unlinked: "deleted for good" holds for the file (erase.ts).
  "PRAGMA secure_delete = ON",
];

export type { FileDbOptions };

export interface DbOptions extends FileDbOptions {
  /** Told of every call that failed with a database fault (faults.ts), after its retries. */
  onFault?: (error: unknown) => void;
}

/**
 * Opens the database, as a client that replaces its connection after a fault (see
 * recovering-client.ts). A file database is Node's own SQLite behind the same `Client`
 * (node-sqlite-client.ts says why) on ONE connection: its calls are synchronous, so a pool
 * would add no throughput within one process.
 */
export async function createDb(config: DbConfig, options: DbOptions = {}): Promise<Client> {
  const waitMs = config.waitMs ?? defaultWaitMs;
  const open = async (): Promise<Client> => {
    if (!isFileUrl(config.url)) {
      return createClient({
        url: config.url,
        fetch: fetchWithin(waitMs),
        ...(config.authToken ? { authToken: config.authToken } : {}),
      });
    }
    return nodeSqliteClient(config.url, filePragmas, options);
  };
  return recoveringClient(await open(), open, {
    retryBusyForMs: isFileUrl(config.url) ? waitMs : 0,
    ...(options.onFault ? { onFault: options.onFault } : {}),
  });
}
