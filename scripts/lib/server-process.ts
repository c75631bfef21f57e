import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleServer } from "../bundle-server.ts";
import { sampleManifest } from "./sample-manifest.ts";
import { scratchDir } from "./scratch-dir.ts";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code when the process has exited, however it ended (null: by a signal). */
  exited: Promise<number | null>;
  /** What the process wrote to stdout and stderr since it started, with `keepOutput` (else up to its start). */
  output: () => string;
}

/** A folder standing in for the public build: the manifest the API reads and a 404 page (tests and benches). */
export function fakeSiteDir(): string {
  const dir = scratchDir("site");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "topics.json"), JSON.stringify(sampleManifest));
  writeFileSync(join(dir, "404.html"), "<h1>Page not found</h1>");
  return dir;
}

let bundled: Promise<string> | undefined;

/**
 * Starts the real Node server (the same bundle `npm start` runs) as a child process on a free port.
 * `keepOutput` keeps all it writes (its log lines), for a test that reads them; bounded runs only.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { keepOutput?: boolean } = {},
): Promise<ServerProcess> {
  bundled ??= bundleServer(scratchDir("bundle"));
  const child = spawn(process.execPath, [await bundled], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
        // Its log lines from here on are read and let go (unless kept): a pipe nobody reads would
        // stall the server, and one kept would grow with every request.
        if (options.keepOutput) return;
        child.stdout?.off("data", read);
        child.stderr?.off("data", read);
        child.stdout?.resume();
        child.stderr?.resume();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`The server exited (${code}) before starting:\n${output}`)));
  });
  return { url, child, exited, output: () => output };
}
