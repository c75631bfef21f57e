/**
 * Keeps package.json honest (`npm run check` runs both passes):
 *
 *   knip                        every package the code imports is declared, every declared one is used
 *   knip --production --strict  the server imports only `dependencies`, and uses each of them
 *
 * Knip's plugins already read astro.config.mjs (pages, content config, islands, the client directive),
 * vitest.config.ts (each project's tests, setup files and global setups), wrangler.jsonc (`main`:
 * functions/worker.ts) and the package.json scripts (`node scripts/x.ts`, `astro check`).
 *
 * The second pass exists because the first forgives a package that a declared one lists as a peer:
 * `preact` names `preact-render-to-string` as an optional peer, so only the strict pass notices when
 * the server imports it undeclared.
 */
import type { KnipConfig } from "knip";

type Configuration = Exclude<KnipConfig, (...args: never[]) => unknown>;

/** Dependencies only: unused files and exports are not part of this check (yet). */
const include: Configuration["include"] = ["dependencies", "unlisted", "binaries", "unresolved"];

/** The whole project, tests and tools included: `dependencies` and `devDependencies` alike. */
const everything: Configuration = {
  include,
  entry: [
    // The Node server: scripts/bundle-server.ts hands it to esbuild by path, which knip cannot follow.
    "functions/node.ts!",
    // The backup's process, which copy-process.ts starts by path (and the bundle builds beside the server).
    "functions/db/backup/backup-process.ts!",
    // Scripts and benches run with `node`, whether or not a package.json script names them yet.
    "scripts/*.{ts,cjs}",
    "bench/*.ts",
    // Topics and header pages may import components (MDX); the content loader reads them by glob.
    "content/**/*.mdx",
  ],
  ignoreDependencies: [
    // Read as a file: tests/support/browser.ts resolves axe-core/axe.min.js and injects it into pages.
    "axe-core",
    // A Java program run by path: tests/build/valid-html.test.ts runs node_modules/vnu-jar/build/dist/vnu.jar.
    "vnu-jar",
    // The bench's baseline: bench/lib/starlight-site.ts writes a Starlight project that imports it.
    "@astrojs/starlight",
  ],
  ignoreBinaries: [
    // System tools the durability and build tests call (tests/support/debian-tools.ts, filesystem-faults.ts).
    "apt-get",
    "umount",
    // util-linux's idle-class tool: a backup's process runs it on itself (functions/db/backup/backup-process.ts).
    "chrt",
  ],
};

/**
 * What runs in production: the Node server (bundled with its packages left external, so they load
 * from node_modules) and the Worker. The site is built ahead of time, so Astro and its pages are not
 * part of it, nor are the build steps `npm start` runs first (scripts/).
 */
const server: Configuration = {
  include,
  entry: ["functions/node.ts!", "functions/db/backup/backup-process.ts!", "functions/worker.ts!"],
  // util-linux's idle-class tool, as above.
  ignoreBinaries: ["chrt"],
  astro: false,
  vitest: false,
  wrangler: false,
  ignore: ["scripts/**"],
};

export default ((args) => (args.production || args.strict ? server : everything)) satisfies KnipConfig;
