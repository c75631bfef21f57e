import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupFile } from "../../functions/db/backup/file-backup.ts";
import { restoreFile } from "../../functions/db/backup/restore.ts";
import { schemaVersion } from "../../functions/db/schema-version.ts";
import { runScript } from "../../scripts/lib/run-script.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { alter, damagePage, fileDigest, migratedDatabase, misdefineIndex } from "../support/backup-fixtures.ts";

describe("the checks a backup must pass", () => {
  it("refuses a damaged backup with a clear message through npm run db:restore, and keeps the database", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir, { feedback: 500 });
    const backup = join(dir, "backup.db");
    await backupFile(live, backup);
    damagePage(backup, "feedback_created");
    const before = fileDigest(live);

    const refused = await runScript("scripts/db-restore.ts", [backup], { LIBSQL_URL: `file:${live}` });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /backup\.db is not a usable backup: it is damaged; integrity_check reports: .+\. Nothing was changed\.\n$/,
    );
    expect(fileDigest(live)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["backup.db", "help.db"]);
  });

  it("refuses to back up a database whose index disagrees with its rows, which only the full integrity_check sees", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir, { feedback: 50 });
    alter(live, "PRAGMA wal_checkpoint(TRUNCATE)");
    expect(misdefineIndex(live)).toBe("ok");
    const backup = join(dir, "backup.db");
    await expect(backupFile(live, backup)).rejects.toThrow(
      `The copy failed its check, so ${backup} was not written: it is damaged; integrity_check reports: row 1 missing from index feedback_created; row 2 missing from index feedback_created; row 3 missing from index feedback_created.`,
    );
    expect(existsSync(backup)).toBe(false);
  });

  it("refuses a file that is not a database, another program's database and one from a newer version", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir);
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, but long enough to look like a file header and then some");
    await expect(restoreFile(text, live)).rejects.toThrow(
      "notes.txt is not a usable backup: it is not a readable SQLite database (file is not a database). Nothing was changed.",
    );

    const other = join(dir, "other.db");
    alter(other, "CREATE TABLE things (id INTEGER PRIMARY KEY)");
    await expect(restoreFile(other, live)).rejects.toThrow(
      "it is not a help center database (it has no migrations recorded in schema_migrations)",
    );

    const newer = join(dir, "newer.db");
    await backupFile(live, newer);
    alter(newer, `INSERT INTO schema_migrations VALUES (${schemaVersion + 1}, 'from_the_future', 0)`);
    await expect(restoreFile(newer, live)).rejects.toThrow(
      `it was made by a newer version of the help center (schema ${schemaVersion + 1}; this one knows up to ${schemaVersion}): update the help center first`,
    );
  });

  it("refuses a backup that lacks a table its schema version has", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir);
    const backup = join(dir, "backup.db");
    await backupFile(live, backup);
    alter(backup, "DROP TABLE topic_views");
    await expect(restoreFile(backup, live)).rejects.toThrow(
      `its schema is not the one of version ${schemaVersion}: it lacks table topic_views`,
    );
  });

  it("restores a backup from an older version and says the server will migrate it", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir);
    const older = await migratedDatabase(dir, { name: "older.db", upTo: schemaVersion - 1 });
    const restored = await runScript("scripts/db-restore.ts", [older], { LIBSQL_URL: `file:${live}` });
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toContain(`(schema ${schemaVersion - 1}, integrity ok)`);
    expect(restored.stdout).toContain(
      `The server migrates it from schema ${schemaVersion - 1} to ${schemaVersion} when it starts.`,
    );
  });

  it("restores where no database is yet, with nothing to keep", async () => {
    const dir = scratchDir("backup-checks");
    const backup = await migratedDatabase(dir, { name: "backup.db" });
    const live = join(dir, "new", "help.db");
    const restored = await restoreFile(backup, live);
    expect(restored).toEqual({ file: live, version: schemaVersion, replaced: undefined });
    expect(readdirSync(join(dir, "new"))).toEqual(["help.db"]);
  });

  it("leaves no copy in memory, and removes one a killed backup left there", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir);
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const abandoned = join("/dev/shm", `help-center-backup-${ended}-0a1b2c3d4e5f.db`);
    writeFileSync(abandoned, "left by a backup killed half-way");
    writeFileSync(`${abandoned}-journal`, "and the journal its check had open");
    await backupFile(live, join(dir, "backup.db"));
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(`${abandoned}-journal`)).toBe(false);
    // Only this process's copies: other backups may be running on the machine meanwhile.
    expect(readdirSync("/dev/shm").filter((name) => name.startsWith(`help-center-backup-${process.pid}-`))).toEqual([]);
  });

  it("never lets a damaged database replace the last good backup", async () => {
    const dir = scratchDir("backup-checks");
    const live = await migratedDatabase(dir, { feedback: 500 });
    const backup = join(dir, "backup.db");
    await backupFile(live, backup);
    const good = fileDigest(backup);
    copyFileSync(live, join(dir, "help-before.db"));
    alter(live, "PRAGMA wal_checkpoint(TRUNCATE)");
    damagePage(live, "feedback_created");
    await expect(backupFile(live, backup)).rejects.toThrow(
      `${backup} was not written: the database could not be copied (database disk image is malformed).`,
    );
    expect(fileDigest(backup)).toBe(good);
    expect(readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
    await expect(backupFile(live, live)).rejects.toThrow(`${live} is the database itself: name another file.`);
  });
});
