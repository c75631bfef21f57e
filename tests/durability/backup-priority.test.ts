import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inspectCopy } from "../../functions/db/backup/check-copy.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { migratedDatabase } from "../support/backup-fixtures.ts";

/** Linux's `chrt` (util-linux), which puts a process in the idle class; without it the check runs at nice 19. */
const chrtHere = spawnSync("chrt", ["--version"]).status === 0;

describe("a backup's copy and check", () => {
  it("are checked in Linux's idle class, where the check takes only CPU time nothing else wants", async () => {
    const dir = scratchDir("backup-priority");
    const live = await migratedDatabase(dir, { feedback: 200 });
    const phases: string[] = [];
    const inspection = await inspectCopy(join(dir, "copy.db"), live, (phase) => phases.push(phase));
    expect(inspection).toMatchObject({ readable: true, damage: [], idle: chrtHere });
    expect(phases).toEqual(["check"]);
  });
});
