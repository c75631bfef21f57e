import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scheduledBackups } from "../../functions/db/backup/scheduled.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, startServerProcess } from "../../scripts/lib/server-process.ts";
import { migratedDatabase } from "../support/backup-fixtures.ts";

const hour = 3600_000;
const t0 = Date.parse("2026-12-01T03:00:00Z");

describe("scheduled backups", () => {
  it("take one when the newest is as old as the interval, keep the newest BACKUP_KEEP, and leave other files alone", async () => {
    const dir = scratchDir("scheduled-backups");
    const live = await migratedDatabase(dir);
    const backups = join(dir, "backups");
    mkdirSync(backups);
    const others = ["notes.txt", "other-2026-01-01T00-00-00Z.db", "help-old.db"];
    for (const name of others) writeFileSync(join(backups, name), "kept");
    // What a backup interrupted by a crash leaves.
    writeFileSync(join(backups, "help-2026-11-30T03-00-00Z.db.partial-0a1b2c3d"), "half");
    const run = scheduledBackups({ dir: backups, keep: 2, everyMs: 24 * hour }, live);

    const first = await run(t0);
    expect(first.written?.file).toBe(join(backups, "help-2026-12-01T03-00-00Z.db"));
    expect(first.removed).toEqual(["help-2026-11-30T03-00-00Z.db.partial-0a1b2c3d"]);
    expect(await run(t0 + 23 * hour)).toEqual({ written: undefined, removed: [] });
    expect((await run(t0 + 24 * hour)).written?.file).toBe(join(backups, "help-2026-12-02T03-00-00Z.db"));
    const third = await run(t0 + 49 * hour);
    expect(third.written?.file).toBe(join(backups, "help-2026-12-03T04-00-00Z.db"));
    expect(third.removed).toEqual(["help-2026-12-01T03-00-00Z.db"]);

    expect(readdirSync(backups).sort()).toEqual(
      [...others, "help-2026-12-02T03-00-00Z.db", "help-2026-12-03T04-00-00Z.db"].sort(),
    );
    expect(third.written?.version).toBeGreaterThan(0);
  });

  it("run one at a time: a run asked for while one is writing does nothing", async () => {
    const dir = scratchDir("scheduled-backups");
    const live = await migratedDatabase(dir);
    const run = scheduledBackups({ dir: join(dir, "backups"), keep: 5, everyMs: hour }, live);
    const [a, b] = await Promise.all([run(t0), run(t0 + 2 * hour)]);
    expect(a.written).toBeDefined();
    expect(b).toEqual({ written: undefined, removed: [] });
    expect(readdirSync(join(dir, "backups"))).toEqual(["help-2026-12-01T03-00-00Z.db"]);
  });

  it("are taken by the server from its housekeeping when BACKUP_DIR is set", async () => {
    const dir = scratchDir("scheduled-backups");
    const backups = join(dir, "backups");
    const server = await startServerProcess({
      LIBSQL_URL: `file:${join(dir, "help.db")}`,
      PUBLIC_SITE_DIR: fakeSiteDir(),
      BACKUP_DIR: backups,
      BACKUP_KEEP: "1",
    });
    try {
      const deadline = Date.now() + 15_000;
      const written = () => (existsSync(backups) ? readdirSync(backups).filter((n) => /^help-.*Z\.db$/.test(n)) : []);
      while (written().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(written()).toHaveLength(1);
      expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});
