/**
 * The Worker as it would be deployed, served by plain workerd: the bundle `wrangler deploy
 * --dry-run` writes, with wrangler.jsonc's compatibility date and variables, and none of `wrangler
 * dev`'s proxy in front of it (which costs more than our app: a Worker that only returns a string
 * answered 132 requests per second through it). Three processes, so that each one's CPU time is
 * its own: the Worker, the assets binding (assets-worker.ts), the local libSQL endpoint over a
 * file database migrated as `npm run edge` does. For bench/edge.ts and the edge tests.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { unstable_readConfig } from "wrangler";
import { openMigratedDb } from "../../../functions/node/deps.ts";
import { assembleEdgeAssets } from "../../edge-assets.ts";
import { freePort } from "../free-port.ts";
import { startLibsqlEndpointProcess } from "../libsql-endpoint-process.ts";
import { removeScratchDir, scratchDir } from "../scratch-dir.ts";
import { workerdConfig } from "./config.ts";

const wranglerPackage = join(import.meta.dirname, "..", "..", "..", "node_modules", "wrangler", "package.json");
/** The workerd binary wrangler itself runs (its dependency, not ours: the versions stay matched). */
const workerdBinary = (): string => createRequire(wranglerPackage)("workerd").default;

export interface PlainWorkerdOptions {
  /** The file database, migrated here if it is not yet; the Worker reaches it through the endpoint. */
  databaseFile: string;
  /** Variables and secrets beyond wrangler.jsonc's `vars` (which they override): SERVER_SECRET at least. */
  variables: Record<string, string>;
  /** The two builds (scripts/edge-assets.ts lays them out). */
  sites?: { public: string; internal: string };
  /** What the Worker prints (its JSON log lines), as it comes. */
  onOutput?: (text: string) => void;
}

export interface PlainWorkerd {
  url: string;
  /** A Worker that only answers "ok", in the Worker's process: the floor under every figure. */
  floorUrl: string;
  /** Whose CPU time is the edge's: the Worker's process, the assets', the libSQL endpoint's. */
  pids: { worker: number; assets: number; libsql: number };
  close(): Promise<void>;
}

/** The Worker's bundle, exactly as `wrangler deploy` would upload it; its file name in `outdir`. */
async function deployBundle(outdir: string, assetsDir: string, scratch: string): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [
      join(wranglerPackage, "..", "bin", "wrangler.js"),
      "deploy",
      "--dry-run",
      "--outdir",
      outdir,
      "--assets",
      assetsDir,
    ],
    {
      // Its logs and temporary files in the scratch folder, not the user's home or the system's.
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: scratch, TMPDIR: scratch, CI: "true" },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const modules = readdirSync(outdir).filter((name) => name.endsWith(".js"));
  if (modules.length !== 1) throw new Error(`wrangler wrote ${modules.length} modules to ${outdir}; expected one`);
  return join("bundle", modules[0] as string);
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timeout = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), 5000).unref());
  if ((await Promise.race([exited, timeout])) === "late") {
    child.kill("SIGKILL");
    await exited;
  }
}

/** Starts the three processes and resolves once the Worker answers `/api/health`. */
export async function startPlainWorkerd(options: PlainWorkerdOptions): Promise<PlainWorkerd> {
  const dir = join(process.cwd(), scratchDir("workerd"));
  const wrangler = unstable_readConfig({ config: "wrangler.jsonc" });
  const compatibilityDate = wrangler.compatibility_date;
  if (!compatibilityDate) throw new Error("wrangler.jsonc has no compatibility_date: workerd needs one.");
  const db = await openMigratedDb({ url: `file:${options.databaseFile}`, authToken: undefined });
  db.close();
  const endpoint = await startLibsqlEndpointProcess(options.databaseFile);
  const started: { child: ChildProcess; exited: Promise<void> }[] = [];
  const close = async () => {
    for (const { child, exited } of started.reverse()) await stop(child, exited);
    await endpoint.close();
    removeScratchDir(dir);
  };
  try {
    const assetsDir = assembleEdgeAssets(options.sites?.public, options.sites?.internal, join(dir, "assets"));
    const workerModule = await deployBundle(join(dir, "bundle"), assetsDir, dir);
    await build({
      entryPoints: [join(import.meta.dirname, "assets-worker.ts")],
      outfile: join(dir, "assets-worker.js"),
      bundle: true,
      format: "esm",
      platform: "neutral",
      logLevel: "warning",
    });
    const variables = {
      ...Object.fromEntries(
        Object.entries(wrangler.vars).map(([name, value]) => [
          name,
          typeof value === "string" ? value : JSON.stringify(value),
        ]),
      ),
      LIBSQL_URL: endpoint.url,
      ...options.variables,
    };
    const port = await freePort();
    let floorPort = await freePort();
    while (floorPort === port) floorPort = await freePort();
    const configFile = join(dir, "config.capnp");
    writeFileSync(
      configFile,
      workerdConfig({
        workerModule,
        assetsModule: "assets-worker.js",
        assetsDir,
        assetsSocket: join(dir, "assets.sock"),
        address: `127.0.0.1:${port}`,
        floorAddress: `127.0.0.1:${floorPort}`,
        compatibilityDate,
        compatibilityFlags: wrangler.compatibility_flags,
        variables: Object.keys(variables),
      }),
    );
    let output = "";
    const run = (name: "assets" | "app", env: NodeJS.ProcessEnv) => {
      const child = spawn(workerdBinary(), ["serve", configFile, name], { env, stdio: ["ignore", "pipe", "pipe"] });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        if (name === "app") options.onOutput?.(chunk.toString());
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
      started.push({ child, exited });
      return child;
    };
    const assets = run("assets", { PATH: process.env.PATH });
    // The variables reach the Worker through workerd's environment only (`fromEnvironment`).
    const worker = run("app", { PATH: process.env.PATH, ...variables });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (worker.exitCode !== null || assets.exitCode !== null) throw new Error(`workerd stopped:\n${output}`);
      const ok = await fetch(`${url}/api/health`)
        .then(async (answer) => {
          await answer.arrayBuffer();
          return answer.ok;
        })
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`The Worker did not answer within 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pids = { worker: worker.pid as number, assets: assets.pid as number, libsql: endpoint.pid };
    return { url, floorUrl: `http://127.0.0.1:${floorPort}`, pids, close };
  } catch (error) {
    await close();
    throw error;
  }
}
