/**
 * Runs a command and measures it the way a build is felt on a machine: wall time, CPU time of the
 * whole process tree (Astro, its worker threads, Pagefind's own process), and the peak of the
 * tree's summed resident memory. Linux only (it reads /proc), like the machines here.
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

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

/** Resident bytes of `root` and every process below it, now. */
function treeResidentBytes(root: number): number {
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
  const visit = (pid: number) => {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * pageBytes;
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return bytes;
}

/** Runs `command` to its end (failing when it does) and measures it. */
export function measureTree(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string) {
  return new Promise<TreeRun>((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "ignore", "inherit"] });
    let peakBytes = 0;
    const sample = () => {
      if (child.pid) peakBytes = Math.max(peakBytes, treeResidentBytes(child.pid));
    };
    const sampler = setInterval(sample, 50);
    child.once("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.once("exit", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} failed (exit ${code})`));
      resolve({
        wallSeconds: (performance.now() - started) / 1000,
        cpuSeconds: childrenCpuSeconds() - cpuBefore,
        peakBytes,
      });
    });
  });
}
