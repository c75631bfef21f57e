/**
 * Runs a command and measures it the way a build is felt on a machine: wall time, CPU time of the
 * whole process tree (Astro, its worker threads, Starlight's Pagefind process), and the peak of the
 * tree's summed resident memory. Linux only (it reads /proc), like the machines here.
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface TreeRun {
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
}

const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
const pageBytes = Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): field 3 is the first. */
function statFields(pid: number | "self"): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU seconds of this process's children that have ended (and of theirs): cutime + cstime. */
function childrenCpuSeconds(): number {
  const fields = statFields("self");
  return (Number(fields[13]) + Number(fields[14])) / clockTicks;
}

/** CPU seconds a running process has used so far, all its threads: utime + stime. */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** A process below the one measured, as last seen. */
interface Seen {
  parent: number;
  cpu: number;
  /** Ended, and not yet waited for by its parent. */
  zombie: boolean;
}

/** A process's CPU seconds so far and whether it has ended, or undefined once it is gone. */
function lookAt(pid: number): Seen | undefined {
  try {
    const fields = statFields(pid);
    return {
      parent: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / clockTicks,
      zombie: fields[0] === "Z",
    };
  } catch {
    return undefined;
  }
}

/** One look at `root` and every process below it: their summed resident bytes, and each one below as seen now. */
function lookAtTree(root: number): { bytes: number; below: Map<number, Seen> } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = Number(statFields(Number(name))[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(name));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let bytes = 0;
  const below = new Map<number, Seen>();
  const visit = (pid: number) => {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * pageBytes;
      const seen = pid === root ? undefined : lookAt(pid);
      if (seen) below.set(pid, seen);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return { bytes, below };
}

/**
 * The CPU of processes that left the tree without being waited for inside it. A process's CPU
 * reaches ours only when its parent waits for it; one whose parent ended first is handed to init
 * and its CPU would be lost: Pagefind's in Starlight's build, stopped as the build exits and still
 * a zombie when the build's process is gone (Astro's esbuild service too). Such a process is followed until it
 * ends, and its last figure counts; one that ended without being waited for is counted at once.
 */
class OrphanedCpu {
  #inTree = new Map<number, Seen>();
  readonly #orphans = new Map<number, number>();
  readonly #root: number | undefined;

  constructor(root: number | undefined) {
    this.#root = root;
  }

  /**
   * Takes a look at the tree in: whoever was below it and is still there but no longer below it
   * was orphaned, and so was a zombie gone with its parent (init waited for it).
   */
  update(below: ReadonlyMap<number, Seen>, rootRunning = true): void {
    for (const [pid, last] of this.#inTree) {
      if (below.has(pid)) continue;
      const now = lookAt(pid);
      const parentGone = last.parent === this.#root ? !rootRunning : !below.has(last.parent);
      if (now || (last.zombie && parentGone)) this.#orphans.set(pid, now?.cpu ?? last.cpu);
    }
    this.#inTree = new Map(below);
    for (const pid of this.#orphans.keys()) {
      const now = lookAt(pid);
      if (now) this.#orphans.set(pid, now.cpu);
    }
  }

  /** After the command ended (everything last seen below it is orphaned now): waits up to `ms` for the orphans to end. */
  async settle(ms: number): Promise<number> {
    this.update(new Map(), false);
    const until = performance.now() + ms;
    const running = () => [...this.#orphans.keys()].some((pid) => lookAt(pid)?.zombie === false);
    while (performance.now() < until && running()) {
      await sleep(20);
      this.update(new Map(), false);
    }
    return [...this.#orphans.values()].reduce((sum, cpu) => sum + cpu, 0);
  }
}

/** Runs `command` to its end (failing when it does) and measures it. */
export function measureTree(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string) {
  return new Promise<TreeRun>((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "ignore", "inherit"] });
    let peakBytes = 0;
    const orphaned = new OrphanedCpu(child.pid);
    const sample = () => {
      if (!child.pid) return;
      const { bytes, below } = lookAtTree(child.pid);
      peakBytes = Math.max(peakBytes, bytes);
      orphaned.update(below);
    };
    const sampler = setInterval(sample, 50);
    child.once("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.once("exit", async (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} failed (exit ${code})`));
      const wallSeconds = (performance.now() - started) / 1000;
      const orphans = await orphaned.settle(10_000);
      resolve({ wallSeconds, cpuSeconds: childrenCpuSeconds() - cpuBefore + orphans, peakBytes });
    });
  });
}

/**
 * Milliseconds a running process's threads have spent so far ready to run but waiting for a CPU
 * (the second field of each thread's /proc/<pid>/task/<tid>/schedstat): how much it was starved.
 */
export function processRunQueueMs(pid: number): number {
  let nanoseconds = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[1]);
    } catch {
      // The thread ended while we looked.
    }
  }
  return nanoseconds / 1e6;
}
