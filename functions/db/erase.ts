import type { Client } from "@libsql/client";

/** Checkpoint tries while another connection (the checkpoint thread, a reader) holds the WAL. */
const tries = 10;
const pauseMs = 25;
/** After that, tried again in the background this often until it succeeds (default). */
const defaultRetryEveryMs = 5_000;

const checkpointed = async (db: Client) =>
  Number((await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")).rows[0]?.busy ?? 0) === 0;

/**
 * For a file database: what was just deleted leaves the files too. `secure_delete` (set on every
 * connection, client.ts) overwrites deleted rows with zeros as they are deleted, but the WAL
 * still holds the pages as they were until a checkpoint copies the new ones back; a TRUNCATE
 * checkpoint does that and empties the WAL. Another connection holding an old snapshot (a
 * backup, a shell) can keep it from finishing: then it answers false and keeps trying in the
 * background, so the deletion itself (already committed) is never reported as failed.
 */
export function walEraser(db: Client, retryEveryMs = defaultRetryEveryMs): () => Promise<boolean> {
  let retrying: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    retrying ??= setTimeout(async () => {
      retrying = undefined;
      if (!(await checkpointed(db).catch(() => false))) retryLater();
    }, retryEveryMs);
    (retrying as { unref?: () => void }).unref?.();
  };
  return async () => {
    if (await truncateWal(db)) return true;
    retryLater();
    return false;
  };
}

/**
 * Copies the WAL into the database file and empties it (a TRUNCATE checkpoint), trying a few
 * times while another connection holds it; whether it was done. Also what a shutdown does last.
 */
export async function truncateWal(db: Client): Promise<boolean> {
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (await checkpointed(db)) return true;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return false;
}
