import { randomBytes } from "node:crypto";
import { existsSync, statfsSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { freemem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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
const chunkBytes = 4 * 1024 * 1024;
const pauseMs = 20;

export interface Staging {
  path: string;
  /** In memory: it must be written out to its destination. On disk: it is already beside it. */
  inMemory: boolean;
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/**
 * Where the copy of the database at `livePath` is made and checked: in memory when there is room
 * for it there twice over (the system keeps the other half), else beside `destination`.
 */
export function stagingFor(livePath: string, destination: string): Staging {
  const needed = 2 * (sizeOf(livePath) + sizeOf(`${livePath}-wal`)) + 64 * 1024 * 1024;
  try {
    const { bavail, bsize } = statfsSync(memoryFolder);
    if (bavail * bsize >= needed && freemem() >= needed) {
      return { path: join(memoryFolder, `help-center-backup-${randomBytes(6).toString("hex")}.db`), inMemory: true };
    }
  } catch {
    // No memory folder here (not Linux): the copy is made on disk.
  }
  return { path: partialPathFor(destination), inMemory: false };
}

/** Copies `from` into the new file `to` a few megabytes at a time, each synced, with a pause between. */
export async function writeOutPaced(from: string, to: string): Promise<void> {
  const input = await open(from, "r");
  try {
    const output = await open(to, "wx");
    try {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      for (let position = 0; ; ) {
        const { bytesRead } = await input.read(buffer, 0, chunkBytes, position);
        if (bytesRead === 0) break;
        for (let written = 0; written < bytesRead; ) {
          written += (await output.write(buffer, written, bytesRead - written, position + written)).bytesWritten;
        }
        await output.datasync();
        position += bytesRead;
        await sleep(pauseMs);
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
