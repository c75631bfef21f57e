import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BackupRefused, partialPathFor, placeVerifiedCopy, type VerifiedCopy } from "./verified-file.ts";

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
  if (canonical(livePath) === canonical(destination))
    throw new BackupRefused(`${destination} is the database itself: name another file.`);
  if (!existsSync(dirname(resolve(destination)))) {
    throw new BackupRefused(`The folder of ${destination} does not exist.`);
  }
  return placeVerifiedCopy(partialPathFor(destination), destination, livePath);
}
