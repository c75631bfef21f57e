import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inspection, startCheck } from "../../functions/db/backup/check-copy.ts";
import { backupFile } from "../../functions/db/backup/file-backup.ts";
import { sessionGroupNice } from "../../functions/node/process-priority.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { migratedDatabase } from "../support/backup-fixtures.ts";

/** Linux's `chrt` (util-linux), which puts a process in the idle class; without it the check runs at nice 19. */
const chrtHere = spawnSync("chrt", ["--version"]).status === 0;
/** Whether this system groups processes by session for the scheduler (autogroup). */
const autogroupsHere = existsSync("/proc/self/autogroup");

/** Processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

describe("a backup's copy and check", () => {
  it("run, for a backup started by hand, in a session of their own at the lowest weight, the check in Linux's idle class", async () => {
    const dir = scratchDir("backup-priority");
    const live = await migratedDatabase(dir, { feedback: 200 });
    const phases: string[] = [];
    const check = startCheck(join(dir, "copy.db"), live, { ownSession: true, onPhase: (phase) => phases.push(phase) });
    try {
      expect(await inspection(check)).toMatchObject({
        readable: true,
        damage: [],
        idle: chrtHere,
        groupNice: autogroupsHere ? 19 : undefined,
      });
      expect(phases).toEqual(["check"]);
    } finally {
      check.end();
    }
  });

  it("run, for the server's scheduled backups, in the server's own session, whose priority they leave alone", async () => {
    const dir = scratchDir("backup-priority");
    const live = await migratedDatabase(dir, { feedback: 200 });
    const before = sessionGroupNice();
    const check = startCheck(join(dir, "copy.db"), live);
    try {
      expect(await inspection(check)).toMatchObject({ readable: true, idle: chrtHere, groupNice: before });
      expect(sessionGroupNice()).toBe(before);
    } finally {
      check.end();
    }
  });

  it("leave no process behind once the backup is written", async () => {
    const dir = scratchDir("backup-priority");
    const live = await migratedDatabase(dir, { feedback: 200 });
    await backupFile(live, join(dir, "backup.db"));
    const deadline = Date.now() + 5_000;
    while (processesMentioning(live).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(processesMentioning(live)).toEqual([]);
  });
});
