import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type CheckOptions, CopyFailed, inspection, startCheck } from "./check-copy.ts";
import { stagingFor, writeOutPace } from "./staged-copy.ts";
import {
  acceptCopy,
  BackupRefused,
  canonical,
  moveIntoPlace,
  partialPathFor,
  type VerifiedCopy,
} from "./verified-file.ts";
/**
 * A consistent copy of the file database at `livePath` as it was when the copy began, taken
 * while a server reads and writes it, checked (integrity_check, schema version) and written to
 * `destination` only when it passes: a failed backup never replaces a good one.
 */
export async function backupFile(
  livePath: string,
  destination: string,
  options: CheckOptions = {},
): Promise<VerifiedCopy> {
  if (!existsSync(livePath)) throw new BackupRefused(`There is no database at ${livePath} to back up.`);
  if (canonical(livePath) === canonical(destination)) {
    throw new BackupRefused(`${destination} is the database itself: name another file.`);
  }
  if (!existsSync(dirname(resolve(destination)))) {
    throw new BackupRefused(`The folder of ${destination} does not exist.`);
  }
  const staging = stagingFor(livePath, destination);
  options.onPhase?.("copy");
  const check = startCheck(staging.path, livePath, options);
  try {
    const found = await inspection(check).catch((error: unknown) => {
      throw error instanceof CopyFailed
        ? new BackupRefused(`${destination} was not written: ${error.message}.`)
        : error;
    });
    const version = acceptCopy(
      found,
      (problem) => `The copy failed its check, so ${destination} was not written: ${problem}.`,
    );
    if (!staging.inMemory) return { ...(await moveIntoPlace(staging.path, destination)), version };
    const partial = partialPathFor(destination);
    options.onPhase?.("write-out");
    try {
      await check.writeOut(partial, writeOutPace);
      return { ...(await moveIntoPlace(partial, destination)), version };
    } finally {
      await rm(partial, { force: true });
    }
  } finally {
    check.end();
    staging.remove();
  }
}
