/**
 * Builds the public and the internal site from the same sources, side by side (each build is
 * mostly one thread, and the machines here have two cores).
 *   node scripts/build.ts              both audiences
 *   node scripts/build.ts --if-stale   only when a source is newer than the last build
 *   node scripts/build.ts --public-only
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Audience, parseBuildOptions } from "../src/config/build-options.ts";
import { buildSources, isBuildStale, newestMtime } from "./lib/build-freshness.ts";

const astroBin = join(import.meta.dirname, "..", "node_modules", "astro", "bin", "astro.mjs");
const stampName = ".build-stamp";

/**
 * Astro turns on Node's compile cache, which lives in the system's temporary folder unless
 * NODE_COMPILE_CACHE names another: it is kept with the project's other caches instead.
 */
export const nodeCompileCache = join(import.meta.dirname, "..", ".cache", "node-compile-cache");

function buildAudience(audience: Audience, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, "build", "--silent"], {
      env: { NODE_COMPILE_CACHE: nodeCompileCache, ...env, HELP_AUDIENCE: audience },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`The ${audience} build failed (exit ${code}); see the messages above.`)),
    );
  });
}

export async function buildSite(audiences: readonly Audience[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await Promise.all(audiences.map((audience) => buildAudience(audience, env)));
  for (const audience of audiences) {
    const { outDir } = parseBuildOptions({ ...env, HELP_AUDIENCE: audience });
    writeFileSync(join(outDir, stampName), new Date().toISOString());
  }
}

/** Builds both audiences unless their stamps are newer than every source. */
export async function buildIfStale(): Promise<boolean> {
  const stamps = (["public", "internal"] as const).map((audience) =>
    join(parseBuildOptions({ ...process.env, HELP_AUDIENCE: audience }).outDir, stampName),
  );
  if (!isBuildStale(stamps, newestMtime(buildSources))) return false;
  await buildSite(["public", "internal"]);
  return true;
}

if (import.meta.main) {
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  try {
    let built = true;
    if (args.has("--if-stale")) built = await buildIfStale();
    else await buildSite(args.has("--public-only") ? ["public"] : ["public", "internal"]);
    console.log(built ? `Built in ${((performance.now() - started) / 1000).toFixed(1)} s.` : "The site is up to date.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
