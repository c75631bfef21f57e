import { describe, expect, it } from "vitest";
import { measureTree } from "../../bench/lib/process-tree.ts";

/** A child that spends `ms` of CPU, then ends. */
const burn = (ms: number) =>
  `"${process.execPath}" -e "const start = process.cpuUsage(); while (process.cpuUsage(start).user < ${ms * 1000});"`;

// A quarter second of CPU may take several seconds on a busy machine.
describe("measuring a build's process tree", () => {
  it("counts a child that its parent never waits for and leaves running", async () => {
    // The shell ends while the child still runs: the child is handed to init, as a build's helper process may be.
    const run = await measureTree("sh", ["-c", `${burn(250)} & sleep 0.3`], process.env);
    expect(run.cpuSeconds).toBeGreaterThan(0.2);
  }, 30_000);

  it("counts a child that ended but was never waited for when its parent ended", async () => {
    // After `exec`, the shell's process is a Node that never waits for the child (Node waits only
    // for what it spawned): the child stays a zombie until that process ends, a moment after it saw it end.
    const untilZombie = `"${process.execPath}" -e "const f = '/proc/' + process.argv[1] + '/stat'; const t = setInterval(() => { if (require('fs').readFileSync(f, 'utf8').split(') ')[1].startsWith('Z')) { clearInterval(t); setTimeout(() => {}, 300); } }, 20);" $!`;
    const run = await measureTree("sh", ["-c", `${burn(250)} & exec ${untilZombie}`], process.env);
    expect(run.cpuSeconds).toBeGreaterThan(0.2);
  }, 30_000);
});
