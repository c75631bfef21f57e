import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Puts every thread of this process at nice 19, the lowest priority, and so every thread it
 * starts later (they inherit it). Linux gives each thread its own priority, and Node has
 * started several before the first line of a script runs (V8's compiler and collector threads,
 * which then compile the TypeScript loader and the modules): lowering only the main thread left
 * them competing with the server at normal priority while the tool loaded.
 */
export function lowestPriority(): void {
  try {
    for (const thread of readdirSync("/proc/self/task")) setPriority(Number(thread), 19);
  } catch {
    setPriority(19); // no /proc here (not Linux): the process as the system knows it
  }
}
