import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Logger } from "../../app/lib/log.ts";
import { backupFile } from "./file-backup.ts";
import type { VerifiedCopy } from "./verified-file.ts";

export interface BackupSchedule {
  /** The folder backups are written to. */
  dir: string;
  /** How many backups are kept: the newest; older ones are removed. */
  keep: number;
  /** A backup is due once the newest one is this old. */
  everyMs: number;
}

export interface ScheduledRun {
  /** The backup written by this run, when one was due. */
  written: VerifiedCopy | undefined;
  /** Files removed: backups beyond the newest `keep`, copies an interrupted backup left. */
  removed: string[];
}

const stampPattern = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z`;

/** A time as a backup's name carries it: ISO 8601 to the second, `-` for `:` (refused by some file systems). */
const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
const unstamp = (text: string) => Date.parse(text.replace(/T(\d{2})-(\d{2})-(\d{2})Z$/, "T$1:$2:$3Z"));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Backups of the file database at `livePath` into `schedule.dir`, named after it and the time
 * (`help-center-2026-12-01T03-00-00Z.db`). When they are due is read from the names in the
 * folder, not remembered: a restart neither skips one nor takes an extra one. Files of other
 * names in the folder are never touched. One run at a time; a run asked for meanwhile does nothing.
 */
export function scheduledBackups(schedule: BackupSchedule, livePath: string): (now: number) => Promise<ScheduledRun> {
  const prefix = escapeRegExp(basename(livePath, extname(livePath)));
  const backupName = new RegExp(`^${prefix}-(${stampPattern})\\.db$`);
  const leftOver = new RegExp(`^${prefix}-${stampPattern}\\.db\\.partial-[0-9a-f]+$`);
  let running = false;
  return async (now) => {
    if (running) return { written: undefined, removed: [] };
    running = true;
    try {
      await mkdir(schedule.dir, { recursive: true });
      const names = await readdir(schedule.dir);
      const backups = names.filter((name) => backupName.test(name)).sort();
      const takenAt = (name: string) => unstamp(backupName.exec(name)?.[1] ?? "");
      const newest = backups.at(-1);
      let written: VerifiedCopy | undefined;
      if (newest === undefined || now - takenAt(newest) >= schedule.everyMs) {
        written = await backupFile(
          livePath,
          join(schedule.dir, `${basename(livePath, extname(livePath))}-${stamp(now)}.db`),
        );
        const name = basename(written.file);
        if (!backups.includes(name)) backups.push(name);
        backups.sort();
      }
      const removed = [
        ...backups.slice(0, Math.max(0, backups.length - schedule.keep)),
        ...names.filter((name) => leftOver.test(name)),
      ];
      for (const name of removed) await rm(join(schedule.dir, name), { force: true });
      return { written, removed };
    } finally {
      running = false;
    }
  };
}

/** The server's scheduled backups, each backup written or removed a server log line, a failure an error line. */
export function scheduledBackupsLogged(
  schedule: BackupSchedule,
  livePath: string,
  log: Logger,
): (now: number) => Promise<void> {
  const run = scheduledBackups(schedule, livePath);
  return (now) =>
    run(now).then(
      ({ written, removed }) => {
        if (written)
          log.server("backup_written", { file: written.file, bytes: written.bytes, schema: written.version });
        for (const file of removed) log.server("backup_removed", { file: join(schedule.dir, file) });
      },
      (error: unknown) => log.error("backup_failed", error),
    );
}
