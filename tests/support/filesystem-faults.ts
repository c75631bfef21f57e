import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.stderr.trim() || result.error?.message}). ` +
        "The database fault tests mount a small tmpfs and mark files immutable: run them as root on ext4 (as CI does).",
    );
  }
}

/**
 * A small filesystem of its own (tmpfs), so a test can fill it up or make it read-only without
 * touching the machine's disk. Unmounted by `release`.
 */
export function smallFilesystem(sizeKb: number) {
  const dir = join(process.cwd(), scratchDir("tmpfs"));
  mkdirSync(dir, { recursive: true });
  run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", dir]);
  const filler = join(dir, "filler");
  return {
    dir,
    /** Takes every free byte. */
    fill(): void {
      const fd = openSync(filler, "w");
      const chunk = Buffer.alloc(16 * 1024);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        closeSync(fd);
      }
    },
    /** Gives the space back. */
    free(): void {
      rmSync(filler, { force: true });
    },
    release(): void {
      spawnSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes files read-only for everyone, root and already-open descriptors included (the
 * immutable attribute: a plain chmod stops neither), or writable again.
 */
export function makeReadOnly(files: readonly string[], on: boolean): void {
  run("chattr", [on ? "+i" : "-i", ...files]);
}
