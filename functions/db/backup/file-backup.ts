import { backup, DatabaseSync } from "node:sqlite";
import { existsSync, realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { BackupRefused, partialPathFor, placeVerifiedCopy, type VerifiedCopy } from "./verified-file.ts";

/**
 * Pages copied per step of SQLite's online backup: all of them, in one step. A step reads inside
 * one read transaction, which in WAL mode never holds up the server's writers; between steps, a
 * write from another connection (the server's) restarts the backup from its first page, so a
 * copy made in small steps under steady writes would never finish. The step runs on libuv's
 * thread pool, never on the thread that called it.
 */
const allPagesAtOnce = 2 ** 31 - 1;

/** A path as the file system resolves it, links and `..` followed, for a file that may not exist yet. */
function canonical(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  return existsSync(dirname(full)) ? join(realpathSync(dirname(full)), basename(full)) : full;
}

/**
 * A consistent copy of the file database at `livePath` as it was when the copy began, taken
 * while a server reads and writes it, checked (integrity_check, schema version) and written to
 * `destination` only when it passes.
 */
export async function backupFile(livePath: string, destination: string): Promise<VerifiedCopy> {
  if (!existsSync(livePath)) throw new BackupRefused(`There is no database at ${livePath} to back up.`);
  if (canonical(livePath) === canonical(destination)) throw new BackupRefused(`${destination} is the database itself: name another file.`);
  if (!existsSync(dirname(resolve(destination)))) {
    throw new BackupRefused(`The folder of ${destination} does not exist.`);
  }
  const partial = partialPathFor(destination);
  const source = new DatabaseSync(livePath, { timeout: 5000 });
  try {
    await backup(source, partial, { rate: allPagesAtOnce });
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  return placeVerifiedCopy(partial, destination);
}
