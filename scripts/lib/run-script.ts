import { spawn } from "node:child_process";

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's scripts (`scripts/db-backup.ts`) with Node as `npm run` would, without
 * blocking this process: a test or bench keeps sending requests while it runs. `onLine` hears each
 * line of its output as it comes; `nice` starts it under `nice -n 19`, as npm starts db:backup;
 * `ownSession` in a session of its own, as a command typed in another login shell runs.
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  options: { onLine?: (line: string) => void; nice?: boolean; ownSession?: boolean } = {},
): Promise<ScriptRun> {
  const { onLine } = options;
  const command = [process.execPath, script, ...args];
  if (options.nice) command.unshift("nice", "-n", "19");
  return new Promise((resolve, reject) => {
    const [file, ...rest] = command as [string, ...string[]];
    const child = spawn(file, rest, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: options.ownSession ?? false,
    });
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!onLine) return;
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
