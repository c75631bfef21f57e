/**
 * A test run keeps out of the system's temporary folder, and checks that it did.
 *
 * Every project lists this file first in its `globalSetup` (vitest.config.ts). The first to
 * start points TMPDIR at a fresh folder of the run's own (`.cache/scratch/tmp-XXXX`) before any
 * server, browser or test worker is started, so all the run starts (workers, Chromium and
 * Playwright, server processes, Astro builds, Java) put their temporary files there. The last to
 * stop, after every other project's teardown, removes the folder and fails the run with what
 * was still in it: whatever made those files did not clean up after itself (a test should use
 * `scratchDir()` from scripts/lib/scratch-dir.ts, which removes its folders after each file).
 *
 * Why a folder of the run's own rather than a listing of /tmp before and after: other programs
 * on the machine (another test run, an editor, a package manager) write to /tmp at any time,
 * so the listing would blame the run for files that are not its own; this folder holds only
 * what the run made. A program that ignores TMPDIR and names /tmp itself escapes the check;
 * Java does, and tests/build/valid-html.test.ts tells it where to go instead.
 *
 * Not a root-level `globalSetup`: vitest starts the root one after the projects' own (the edge
 * project's wrangler and the browser project's server would be running already) and stops it
 * before them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { nodeCompileCache } from "../../scripts/build.ts";
import { removeScratchDir, scratchDir } from "../../scripts/lib/scratch-dir.ts";

interface RunTempFolder {
  dir: string;
  /** The environment as it was, put back when the run ends. */
  previous: { TMPDIR: string | undefined; NODE_COMPILE_CACHE: string | undefined };
  /** Projects that have started and not yet stopped. */
  projects: number;
}

// Shared by the projects through the process: each may load this file on its own.
const runKey = "__helpCenterRunTempFolder";
const shared = globalThis as typeof globalThis & { [runKey]?: RunTempFolder };

export default function setup(): () => void {
  let run = shared[runKey];
  if (!run) {
    run = {
      dir: join(process.cwd(), scratchDir("tmp")),
      previous: { TMPDIR: process.env.TMPDIR, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE },
      projects: 0,
    };
    shared[runKey] = run;
    process.env.TMPDIR = run.dir;
    // Astro's compile cache is a cache, not scratch: it stays between runs, out of the check.
    process.env.NODE_COMPILE_CACHE ??= nodeCompileCache;
  }
  run.projects += 1;
  const thisRun = run;
  return () => {
    thisRun.projects -= 1;
    if (thisRun.projects > 0) return;
    delete shared[runKey];
    for (const [name, value] of Object.entries(thisRun.previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const left = readdirSync(thisRun.dir).sort();
    removeScratchDir(thisRun.dir);
    if (left.length > 0) {
      throw new Error(
        `The test run left these in its temporary folder (${thisRun.dir}), where the system's would have ` +
          `kept them: ${left.join(", ")}. Whatever made them did not remove them: keep a test's files in ` +
          "scratchDir() (scripts/lib/scratch-dir.ts) and close what it starts (KEEP_SCRATCH=1 keeps them to look into).",
      );
    }
  };
}
