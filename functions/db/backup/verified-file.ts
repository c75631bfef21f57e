import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { CopyFailed, inspectCopy, judgeCopy } from "./check-copy.ts";

/** A copy that passed the checks, in its place. */
export interface VerifiedCopy {
  file: string;
  /** Its schema version (migrations applied). */
  version: number;
  bytes: number;
}

/** A copy refused by the checks, or a backup or restore that cannot be done; its message says why. */
export class BackupRefused extends Error {
  override name = "BackupRefused";
}

/** Where a copy is written before it is checked: beside its destination, so that renaming it is atomic. */
export function partialPathFor(destination: string): string {
  return `${destination}.partial-${randomBytes(4).toString("hex")}`;
}

/** Makes a file (or a folder's entries) reach the disk. */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Checks the copy at `partial` (integrity_check, the schema of its version), first made there from
 * the database `copyFrom` when given, and syncs it; returns its schema version, or refuses with
 * `refusal(problem)` as the message.
 */
export async function verifyCopy(
  partial: string,
  refusal: (problem: string) => string,
  copyFrom?: string,
): Promise<number> {
  const verdict = judgeCopy(await inspectCopy(partial, copyFrom));
  if (!verdict.usable) throw new BackupRefused(refusal(verdict.problem));
  await syncPath(partial);
  return verdict.version;
}

/**
 * Moves a copy that passes the checks from `partial` to `destination` (with `copyFrom`, the copy
 * is first made there), on disk before this resolves. A copy that fails is removed, and a file
 * already at `destination` stays as it was: a failed backup never replaces a good one.
 */
export async function placeVerifiedCopy(
  partial: string,
  destination: string,
  copyFrom?: string,
): Promise<VerifiedCopy> {
  try {
    const version = await verifyCopy(
      partial,
      (problem) => `The copy failed its check, so ${destination} was not written: ${problem}.`,
      copyFrom,
    ).catch((error: unknown) => {
      throw error instanceof CopyFailed
        ? new BackupRefused(`${destination} was not written: ${error.message}.`)
        : error;
    });
    await rename(partial, destination);
    await syncPath(dirname(destination));
    return { file: destination, version, bytes: (await stat(destination)).size };
  } finally {
    await rm(partial, { force: true });
  }
}
