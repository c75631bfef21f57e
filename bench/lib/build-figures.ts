/** The figures bench:site prints of its builds: medians over alternated rounds, and how they read. */
import type { BuildPhase } from "../../src/integrations/build-phases.ts";
import type { TreeRun } from "./process-tree.ts";

export const median = (values: readonly number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Each phase's median over the runs, by name, in the order the first run met them. */
export function medianPhases(all: readonly BuildPhase[][]): BuildPhase[] {
  const names = [...new Set(all.flatMap((phases) => phases.map((phase) => phase.name)))];
  const medianOf = (name: string, figure: "ms" | "cpuMs") =>
    median(all.map((phases) => phases.find((phase) => phase.name === name)?.[figure] ?? 0));
  return names.map((name) => ({
    name,
    ms: medianOf(name, "ms"),
    ...(all.some((phases) => phases.some((phase) => phase.name === name && phase.cpuMs !== undefined))
      ? { cpuMs: medianOf(name, "cpuMs") }
      : {}),
  }));
}

const seconds = (s: number) => `${s.toFixed(1)} s`;
export const describeRun = (run: TreeRun) =>
  `wall ${seconds(run.wallSeconds)}, CPU ${seconds(run.cpuSeconds)}, peak memory ${(run.peakBytes / 1024 ** 3).toFixed(2)} GB`;
/** Each phase's wall time, and the CPU time of the build's process in it where it was measured (a busy machine stretches the first, less the second). */
export const describePhases = (phases: readonly BuildPhase[]) =>
  phases
    .map(
      (phase) =>
        `${phase.name} ${seconds(phase.ms / 1000)}${phase.cpuMs === undefined ? "" : ` (CPU ${seconds(phase.cpuMs / 1000)})`}`,
    )
    .join(", ");
