import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const made: string[] = [];
let removing = false;

/**
 * Removes the scratch folders this process has made so far (`KEEP_SCRATCH=1` keeps them to look
 * into). Called on exit, and by the tests after each file: vitest ends its workers without the
 * `exit` event.
 */
export function removeScratchDirs(): void {
  if (process.env.KEEP_SCRATCH) return;
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder still mounted or held open stays; the next run is not disturbed by it.
    }
  }
}

/** Removes one scratch folder now, for a folder done with before its process ends (`KEEP_SCRATCH=1` keeps it). */
export function removeScratchDir(dir: string): void {
  if (process.env.KEEP_SCRATCH) return;
  const index = made.findIndex((path) => resolve(path) === resolve(dir));
  if (index >= 0) made.splice(index, 1);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // As in removeScratchDirs: a folder still held open stays.
  }
}

function removeMadeOnExit() {
  if (removing) return;
  removing = true;
  process.once("exit", removeScratchDirs);
}

/**
 * A fresh folder for a throw-away build, database or bundle, removed when the process that
 * made it exits (a 10,000,000-row bench database is gigabytes). It must sit inside the project:
 * Astro writes its prerender bundle to a shared `.astro/` folder when the output lies outside
 * the working directory, and two builds there at once would overwrite each other.
 */
export function scratchDir(prefix: string): string {
  const parent = join(".cache", "scratch");
  mkdirSync(parent, { recursive: true });
  removeMadeOnExit();
  const dir = mkdtempSync(join(parent, `${prefix}-`));
  made.push(dir);
  return dir;
}
