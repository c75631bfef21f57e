/**
 * Builds the public and the internal site from the same sources in one Astro build
 * (src/integrations/audience-sites.ts).
 *   node scripts/build.ts              both audiences
 *   node scripts/build.ts --if-stale   only when a source or the build's configuration changed
 *   node scripts/build.ts --public-only
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { type Audience, parseBuildOptions } from "../src/config/build-options.ts";
import { buildSources, isBuildStale, newestMtime, writeBuildStamp } from "./lib/build-freshness.ts";

const astroBin = join(import.meta.dirname, "..", "node_modules", "astro", "bin", "astro.mjs");

/**
 * Astro turns on Node's compile cache, which lives in the system's temporary folder unless
 * NODE_COMPILE_CACHE names another: it is kept with the project's other caches instead.
 */
export const nodeCompileCache = join(import.meta.dirname, "..", ".cache", "node-compile-cache");

/**
 * The command one Astro build runs as. The build benchmark runs Starlight's site the same way, as
 * its users would (`siteBuild: false`); the site's own build also asks the bundler's allocator
 * (mimalloc, in Rolldown) to give freed memory back at once: bundling 1,000 topics otherwise
 * leaves about 300 MB resident for the rest of the build that nothing uses again (no slower in
 * alternated runs). A larger young generation (`--max-semi-space-size=64`) was tried too: 10%
 * faster at 1,000 topics, 5% slower at 5,000, so it is not used.
 */
export function astroBuildCommand(env: NodeJS.ProcessEnv, { siteBuild = true, extraArgs = [] as string[] } = {}) {
  return {
    command: process.execPath,
    args: [astroBin, "build", "--silent", ...extraArgs],
    env: { NODE_COMPILE_CACHE: nodeCompileCache, ...(siteBuild ? { MIMALLOC_PURGE_DELAY: "0" } : {}), ...env },
  };
}

function runAstroBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const { command, args, env: buildEnv } = astroBuildCommand(env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: buildEnv, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (exit ${code}); see the messages above.`)),
    );
  });
}

export async function buildSite(audiences: readonly Audience[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const buildEnv = { ...env, HELP_AUDIENCES: audiences.join(",") };
  await runAstroBuild(buildEnv);
  writeBuildStamp(parseBuildOptions(buildEnv));
}

/** Builds both audiences unless their stamps are newer than every source and name the same configuration. */
export async function buildIfStale(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const options = parseBuildOptions({ ...env, HELP_AUDIENCES: "public,internal" });
  if (!isBuildStale(options, newestMtime(buildSources(options)))) return false;
  await buildSite(options.audiences, env);
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
