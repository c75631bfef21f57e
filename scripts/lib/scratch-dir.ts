import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";

/**
 * A fresh folder for a throw-away build. It must sit inside the project: Astro writes its
 * prerender bundle to a shared `.astro/` folder when the output lies outside the working
 * directory, and two builds there at once would overwrite each other.
 */
export function scratchDir(prefix: string): string {
  const parent = join(".cache", "scratch");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}
