import { randomBytes } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { type CopyInspection, inspectCopy, judgeCopy } from "./check-copy.ts";

/** A path as the file system resolves it, links and `..` followed, for a file that may not exist yet. */
export function canonical(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  return existsSync(dirname(full)) ? join(realpathSync(dirname(full)), basename(full)) : full;
}

/** A file in its place, on disk. */
interface Placed {
  file: string;
  bytes: number;
}

/** A copy that passed the checks, in its place. */
export interface VerifiedCopy extends Placed {
  /** Its schema version (migrations applied). */
  version: number;
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

/** The schema version of a copy that passes the checks, or a refusal with `refusal(problem)` as its message. */
export function acceptCopy(inspection: CopyInspection, refusal: (problem: string) => string): number {
  const verdict = judgeCopy(inspection);
  if (!verdict.usable) throw new BackupRefused(refusal(verdict.problem));
  return verdict.version;
}

/** Checks the copy at `path` (integrity_check, the schema of its version): see `acceptCopy`. */
export async function verifyCopy(path: string, refusal: (problem: string) => string): Promise<number> {
  return acceptCopy(await inspectCopy(path), refusal);
}

/** Renames a checked copy into its place, both on disk before this resolves. */
export async function moveIntoPlace(checked: string, destination: string): Promise<Placed> {
  await syncPath(checked);
  await rename(checked, destination);
  await syncPath(dirname(destination));
  return { file: destination, bytes: (await stat(destination)).size };
}

/**
 * Moves a copy that passes the checks from `partial` to `destination`. A copy that fails is
 * removed, and a file already at `destination` stays as it was: a failed backup never replaces a
 * good one.
 */
export async function placeVerifiedCopy(partial: string, destination: string): Promise<VerifiedCopy> {
  try {
    const version = await verifyCopy(
      partial,
      (problem) => `The copy failed its check, so ${destination} was not written: ${problem}.`,
    );
    return { ...(await moveIntoPlace(partial, destination)), version };
  } finally {
    await rm(partial, { force: true });
  }
}
