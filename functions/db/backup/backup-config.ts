import { z } from "zod";
import { isFileUrl } from "../file-url.ts";
import type { BackupSchedule } from "./scheduled.ts";

/** Scheduled backups of the file database (Node only); see the README's "Backups". */
export const backupEnvFields = {
  /** The folder scheduled backups go to; unset: no scheduled backups. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many scheduled backups are kept (the newest). Default: 7. */
  BACKUP_KEEP: z.coerce.number().int("use a whole number").min(1, "keep at least 1").max(10_000).optional(),
  /** Hours between scheduled backups. Default: 24. */
  BACKUP_EVERY_HOURS: z.coerce.number().int("use a whole number").min(1, "use at least 1").max(8760).optional(),
};

const backupEnvSchema = z.object({ ...backupEnvFields, LIBSQL_URL: z.string() });

/** The schedule, when BACKUP_DIR is set; settings that cannot work stop the start, saying why. */
export function backupSchedule(e: z.infer<typeof backupEnvSchema>): BackupSchedule | undefined {
  if (!e.BACKUP_DIR) {
    const orphans = (["BACKUP_KEEP", "BACKUP_EVERY_HOURS"] as const).filter((name) => e[name] !== undefined);
    if (orphans.length > 0) {
      const names = orphans.join(" and ");
      throw new Error(
        `Invalid server environment: ${names} ${orphans.length > 1 ? "need" : "needs"} BACKUP_DIR, the folder backups go to`,
      );
    }
    return undefined;
  }
  if (!isFileUrl(e.LIBSQL_URL)) {
    throw new Error(
      "Invalid server environment: BACKUP_DIR backs up a file database, and LIBSQL_URL names a libSQL server: use the server's own backups (Turso: point-in-time restore), or npm run db:backup to export a copy",
    );
  }
  return { dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP ?? 7, everyMs: (e.BACKUP_EVERY_HOURS ?? 24) * 3600_000 };
}
