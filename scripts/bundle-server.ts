/**
 * Bundles the Node entry into one ES module. Node runs TypeScript directly, but not JSX, and
 * the server renders the feedback form's Preact component for readers without JavaScript.
 * Packages stay external and load from node_modules.
 *   node scripts/bundle-server.ts   → .cache/server/node.mjs
 */
import { build } from "esbuild";

const serverBundle = ".cache/server/node.mjs";

export async function bundleServer(outfile = serverBundle): Promise<string> {
  await build({
    entryPoints: ["functions/node.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.main) await bundleServer();
