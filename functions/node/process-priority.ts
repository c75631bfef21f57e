import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Sets this process's session group (Linux autogroup) to nice 19, the lowest weight a group has.
 * Only for a process that leads a session of its own: in a server's session it would lower the
 * server's whole group. Does nothing where the system does not group by session.
 */
export function lowestSessionWeight(): void {
  try {
    writeFileSync("/proc/self/autogroup", "19");
  } catch {
    // no autogroup here
  }
}

/**
 * The nice value of this process's session group, or undefined where it is in none: no
 * autogroup in this kernel, or a process whose session never left the system's default group
 * (a container whose processes never started a session: the file is there, and empty).
 */
export function sessionGroupNice(): number | undefined {
  try {
    const nice = /nice (-?\d+)/.exec(readFileSync("/proc/self/autogroup", "utf8"))?.[1];
    return nice === undefined ? undefined : Number(nice);
  } catch {
    return undefined;
  }
}
