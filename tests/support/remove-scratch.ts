import { afterAll } from "vitest";
import { removeScratchDirs } from "../../scripts/lib/scratch-dir.ts";

// Registered before a file's own hooks, so it runs after them: its servers are stopped by then.
afterAll(removeScratchDirs);
