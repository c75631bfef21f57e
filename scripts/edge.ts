/**
 * `npm run edge`: the help center as it runs on Cloudflare Workers, locally in workerd.
 * Builds the site when a source changed, lays both builds out as the Worker's assets, and
 * starts `wrangler dev` on PORT (default 8787). With a `file:` LIBSQL_URL (the default, the same
 * database `npm start` and `npm run staff` use) it migrates the file and serves it through the
 * local libSQL endpoint (scripts/lib/libsql-http-server.ts), the role `turso dev` plays;
 * with a libSQL server's URL it uses that. Ctrl+C or SIGTERM stops everything it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileDbPath, isFileUrl } from "../functions/db/file-url.ts";
import { migrate } from "../functions/db/migrate.ts";
import { readMigrations } from "../functions/db/node-migrations.ts";
import { parseNodeConfig } from "../functions/node/config.ts";
import { openDb, secretFile } from "../functions/node/deps.ts";
import { loadOrCreateSecret } from "../functions/node/secret.ts";
import { buildIfStale } from "./build.ts";
import { assembleEdgeAssets } from "./edge-assets.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "./lib/libsql-http-server.ts";
import { removeScratchDir, scratchDir } from "./lib/scratch-dir.ts";

const wranglerBin = join(import.meta.dirname, "..", "node_modules", "wrangler", "bin", "wrangler.js");

export interface RunningEdge {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the Worker in workerd with its database; resolves once it answers. What the Worker and
 * wrangler print (the app's JSON log lines among it) goes to `onOutput` as it comes.
 */
export async function startEdge(
  env: NodeJS.ProcessEnv = process.env,
  onOutput: (text: string) => void = () => {},
): Promise<RunningEdge> {
  const config = parseNodeConfig({ ...env, PORT: env.PORT ?? "8787" });
  const port = config.port;
  let endpoint: LibsqlHttpServer | undefined;
  let libsqlUrl = config.database.url;
  if (isFileUrl(libsqlUrl)) {
    const db = await openDb(config.database);
    await migrate(db, readMigrations());
    db.close();
    endpoint = await startLibsqlHttpServer(fileDbPath(libsqlUrl));
    libsqlUrl = endpoint.url;
  }
  assembleEdgeAssets(config.publicSiteDir, config.internalSiteDir);

  // Secrets go to workerd in a file wrangler reads and never prints.
  const devVars = join(".cache", "edge", "dev.vars");
  mkdirSync(join(".cache", "edge"), { recursive: true });
  const vars: Record<string, string> = {
    LIBSQL_URL: libsqlUrl,
    SERVER_SECRET: loadOrCreateSecret(config.serverSecret, secretFile(config)),
    ...(config.database.authToken ? { LIBSQL_AUTH_TOKEN: config.database.authToken } : {}),
    ...(env.FEEDBACK_RATE_LIMIT ? { FEEDBACK_RATE_LIMIT: env.FEEDBACK_RATE_LIMIT } : {}),
    ...(env.ALLOWED_ORIGINS ? { ALLOWED_ORIGINS: env.ALLOWED_ORIGINS } : {}),
    ...(env.LOG_LEVEL ? { LOG_LEVEL: env.LOG_LEVEL } : {}),
    DB_WAIT_MS: String(config.database.waitMs),
    // Single sign-on's and the writers' webhook's settings pass through as they are.
    ...Object.fromEntries(
      Object.entries(env).filter(
        (e): e is [string, string] =>
          /^(OIDC_|FEEDBACK_WEBHOOK_|FEEDBACK_DIGEST_HOUR$|PUBLIC_URL$|LOCAL_SIGN_IN$)/.test(e[0]) &&
          e[1] !== undefined,
      ),
    ),
  };
  writeFileSync(
    devVars,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join("\n"),
    { mode: 0o600 },
  );

  // wrangler and miniflare keep their temporary files (miniflare-*, update-check/) in a scratch
  // folder of their own rather than the system's, removed when the Worker stops.
  const wranglerTmp = join(process.cwd(), scratchDir("wrangler"));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      wranglerBin,
      "dev",
      "--ip",
      config.host,
      "--port",
      String(port),
      "--env-file",
      devVars,
      "--show-interactive-dev-session=false",
      "--log-level",
      "log",
    ],
    {
      env: { ...env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true", TMPDIR: wranglerTmp },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    onOutput(chunk.toString());
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const close = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Gone already.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.pid) {
        process.kill(-child.pid, "SIGKILL");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000))]);
      }
    }
    await endpoint?.close();
    removeScratchDir(wranglerTmp);
  };

  const url = `http://${config.host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await endpoint?.close();
      removeScratchDir(wranglerTmp);
      throw new Error(`wrangler dev stopped before the Worker answered:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`The Worker did not answer within a minute:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, close };
}

if (import.meta.main) {
  await buildIfStale();
  const edge = await startEdge(process.env, (text) => process.stdout.write(text));
  console.log(`Help center (edge, workerd) running at ${edge.url.replace("127.0.0.1", "localhost")} (Ctrl+C to stop)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void edge.close().then(() => process.exit(0)));
  }
}
