import { existsSync, mkdirSync } from "node:fs";
import { copyFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { baseCodeName } from "../sqlite-errors.ts";
import { BackupRefused, canonical, partialPathFor, syncPath, verifyCopy } from "./verified-file.ts";

export interface Restored {
  file: string;
  /** The backup's schema version: the server migrates an older one when it starts. */
  version: number;
  /** Where the database that was there before now is, when there was one. */
  replaced: string | undefined;
}

/**
 * Takes the database away from every other process, or refuses. A server keeps a shared lock on
 * its database file for as long as it has it open (SQLite in WAL mode never lets go of it), and
 * so does `db:backup` while it copies; the operating system drops those locks when a process
 * ends, even by `kill -9`, so a lock never outlives its server the way a PID file does. This
 * connection asks for the exclusive lock without waiting and, in exclusive locking mode, keeps
 * it until it is closed: a server started meanwhile finds the database busy.
 */
function holdExclusively(livePath: string): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(livePath, { timeout: 0 });
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return db;
  } catch (error) {
    db?.close();
    const { errcode, message } = error as { errcode?: number; message: string };
    if (errcode !== undefined && baseCodeName(errcode) === "SQLITE_BUSY") {
      throw new BackupRefused(
        `${livePath} is open in another process (a running server, or npm run db:backup): stop it, then restore. Nothing was changed.`,
      );
    }
    throw new BackupRefused(
      `${livePath} cannot be opened to be replaced (${message}). If no server is running, move it and any -wal and -shm files beside it away, then restore again.`,
    );
  }
}

/**
 * Puts the backup `backupFile` in place of the file database at `livePath`, refusing while any
 * other process has that database open and refusing a backup that fails its checks. The
 * database it replaces is kept beside it as `<name>.replaced-<time>`, complete on its own (its
 * write-ahead log folded in first).
 */
export async function restoreFile(backupFile: string, livePath: string, now = new Date()): Promise<Restored> {
  if (!existsSync(backupFile)) throw new BackupRefused(`There is no file ${backupFile} to restore.`);
  if (canonical(backupFile) === canonical(livePath)) {
    throw new BackupRefused(`${backupFile} is the database itself: name a backup.`);
  }
  mkdirSync(dirname(livePath), { recursive: true });
  const held = existsSync(livePath) ? holdExclusively(livePath) : undefined;
  const partial = partialPathFor(livePath);
  try {
    await copyFile(backupFile, partial);
    const version = await verifyCopy(
      partial,
      (problem) => `${backupFile} is not a usable backup: ${problem}. Nothing was changed.`,
    );
    await syncPath(partial);
    let replaced: string | undefined;
    if (held) {
      held.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      held.exec("PRAGMA journal_mode = DELETE");
      replaced = `${livePath}.replaced-${now.toISOString().replace(/:/g, "-")}`;
      await rename(livePath, replaced);
    }
    await rename(partial, livePath);
    // A write-ahead log left at the path belongs to the database that was there: SQLite would
    // apply its pages to the restored one.
    await rm(`${livePath}-wal`, { force: true });
    await rm(`${livePath}-shm`, { force: true });
    await syncPath(dirname(livePath));
    return { file: livePath, version, replaced };
  } finally {
    held?.close();
    await rm(partial, { force: true });
  }
}
