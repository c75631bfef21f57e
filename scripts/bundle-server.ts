/**
 * Bundles the Node entry into one ES module. Node runs TypeScript directly, but not JSX, and
 * the server renders the feedback form's Preact component for readers without JavaScript.
 * Packages stay external and load from node_modules. Beside it goes the backup's process, which
 * the server starts from a file of its own (functions/db/backup/copy-process.ts).
 *   node scripts/bundle-server.ts   → .cache/server/node.mjs, .cache/server/backup-process.mjs
 */
import { join } from "node:path";
import { build } from "esbuild";

/** Builds the bundle into `outdir`; resolves to the server's entry there. */
export async function bundleServer(outdir = ".cache/server"): Promise<string> {
  await build({
    entryPoints: { node: "functions/node.ts", "backup-process": "functions/db/backup/backup-process.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
  });
  return join(outdir, "node.mjs");
}

if (import.meta.main) await bundleServer();
