import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BuildOptions } from "../../src/config/build-options.ts";

/** The file in each built site that records when it was built and from what configuration. */
export const stampName = ".build-stamp";

/** What a build is made from: editing any of these makes the built sites stale. */
export function buildSources(options: Pick<BuildOptions, "contentDir">, projectRoot = "."): string[] {
  const project = ["src", "public", "astro.config.mjs", "tsconfig.json", "package-lock.json"];
  return [options.contentDir, ...project.map((path) => join(projectRoot, path))];
}

/**
 * The parts of a build's configuration that change its output, as a digest: the stamp sits in
 * each site, and a content folder's path on the build machine is nobody else's business.
 */
function configurationOf(options: BuildOptions): string {
  const parts = JSON.stringify({ contentDir: resolve(options.contentDir), site: options.site });
  return createHash("sha256").update(parts).digest("base64url");
}

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

export function writeBuildStamp(options: BuildOptions): void {
  const stamp = JSON.stringify({ builtAt: new Date().toISOString(), configuration: configurationOf(options) });
  for (const audience of options.audiences) writeFileSync(join(options.outDirs[audience], stampName), `${stamp}\n`);
}

function stampOf(file: string): { configuration?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { configuration?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * A build is stale when a site's stamp is missing, older than the newest source, or records
 * another configuration (another content folder or site address).
 */
export function isBuildStale(options: BuildOptions, sourcesNewest: number): boolean {
  const configuration = configurationOf(options);
  return options.audiences.some((audience) => {
    const file = join(options.outDirs[audience], stampName);
    if (!existsSync(file) || statSync(file).mtimeMs < sourcesNewest) return true;
    return stampOf(file)?.configuration !== configuration;
  });
}
