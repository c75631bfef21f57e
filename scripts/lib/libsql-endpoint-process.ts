/**
 * The local libSQL endpoint (libsql-http-server.ts) in a process of its own, so that what the
 * database costs can be read apart from what the Worker costs (bench/edge.ts reads each
 * process's CPU time). Run directly, it serves one database file until SIGTERM:
 *   node scripts/lib/libsql-endpoint-process.ts FILE
 */
import { spawn } from "node:child_process";
import { startLibsqlHttpServer } from "./libsql-http-server.ts";

export interface LibsqlEndpointProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

const announcement = /^libSQL endpoint at (http:\/\/\S+)$/m;

/** Starts the endpoint over `databaseFile` (migrated already) in a child process; resolves once it listens. */
export async function startLibsqlEndpointProcess(databaseFile: string): Promise<LibsqlEndpointProcess> {
  const child = spawn(process.execPath, [import.meta.filename, databaseFile], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The libSQL endpoint did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = announcement.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The libSQL endpoint exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid as number,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: node scripts/lib/libsql-endpoint-process.ts DATABASE_FILE");
  const server = await startLibsqlHttpServer(file);
  console.log(`libSQL endpoint at ${server.url}`);
  process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
}
