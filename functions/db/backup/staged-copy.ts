import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync, statfsSync, statSync } from "node:fs";
import { freemem } from "node:os";
import { join } from "node:path";
import type { WriteOutPace } from "./copy-process.ts";
import { partialPathFor } from "./verified-file.ts";

/**
 * Why a backup is made in memory and written out slowly. Writing hundreds of megabytes into the
 * database's file system at full speed holds up the server's own commits, whatever writes them:
 * in trials here, with 500 feedback writes a second, a plain copy of 277 MB into the data folder
 * made the slowest writes wait 250 ms (27 ms with no copy); the same copy into /dev/shm
 * (memory) changed nothing, and writing it to the data folder 4 MB at a time, each synced, with
 * a pause between, kept them near 60 ms. So the copy is made and checked in memory when the
 * machine has room for it, then written out at that pace.
 */
const memoryFolder = "/dev/shm";
export const writeOutPace: WriteOutPace = { chunkBytes: 4 * 1024 * 1024, pauseMs: 20 };

export interface Staging {
  path: string;
  /** In memory: it must be written out to its destination. On disk: it is already beside it. */
  inMemory: boolean;
  /** Removes the copy, and stops watching for the process's exit. */
  remove(): void;
}

/**
 * A copy in memory is named after its process, so that one a killed process left can be told
 * apart, with the rollback journal its check may leave beside it.
 */
const stagedName = /^help-center-backup-(\d+)-[0-9a-f]+\.db(-journal)?$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Copies that processes no longer running left in memory (a backup cut off by `kill -9`). */
function removeAbandoned(): void {
  for (const name of readdirSync(memoryFolder)) {
    const pid = Number(stagedName.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(join(memoryFolder, name), { force: true });
  }
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/**
 * Where the copy of the database at `livePath` is made and checked: in memory when there is room
 * for it there twice over (the system keeps the other half), else beside `destination`. A copy
 * in memory is removed when the process exits (a server stopped in the middle of a backup), and
 * one left by a killed process is removed by the next backup.
 */
export function stagingFor(livePath: string, destination: string): Staging {
  const needed = 2 * (sizeOf(livePath) + sizeOf(`${livePath}-wal`)) + 64 * 1024 * 1024;
  let path = partialPathFor(destination);
  let inMemory = false;
  try {
    removeAbandoned();
    const { bavail, bsize } = statfsSync(memoryFolder);
    if (bavail * bsize >= needed && freemem() >= needed) {
      path = join(memoryFolder, `help-center-backup-${process.pid}-${randomBytes(6).toString("hex")}.db`);
      inMemory = true;
    }
  } catch {
    // No memory folder here (not Linux): the copy is made on disk.
  }
  const remove = () => rmSync(path, { force: true });
  process.once("exit", remove);
  return {
    path,
    inMemory,
    remove() {
      process.off("exit", remove);
      remove();
    },
  };
}
