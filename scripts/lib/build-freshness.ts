import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What a build is made from: editing any of these makes the built site stale. */
export const buildSources = ["content", "src", "public", "astro.config.mjs", "package-lock.json"];

/** Newest modification time (ms) among the files below `paths`; 0 when none exist. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** A build is stale when an output is missing or older than the newest source. */
export function isBuildStale(outputs: readonly string[], sourcesNewest: number): boolean {
  return outputs.some((output) => !existsSync(output) || statSync(output).mtimeMs < sourcesNewest);
}
