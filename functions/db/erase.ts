import type { Client } from "@libsql/client";

/** Checkpoint tries while another connection (the checkpoint thread, a reader) holds the WAL. */
const tries = 20;
const pauseMs = 25;

/**
 * For a file database: what was just deleted leaves the files too. `secure_delete` (set on every
 * connection, client.ts) overwrites deleted rows with zeros as they are deleted, but the WAL
 * still holds the pages as they were until a checkpoint copies the new ones back; a TRUNCATE
 * checkpoint does that and empties the WAL. Throws when another connection kept it from
 * finishing every try, so a privacy deletion is never reported done while its text is on disk.
 */
export function walEraser(db: Client): () => Promise<void> {
  return async () => {
    for (let attempt = 1; ; attempt++) {
      const row = (await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")).rows[0];
      if (Number(row?.busy ?? 0) === 0) return;
      if (attempt === tries) throw new Error("The WAL could not be checkpointed: another connection holds it.");
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
}
