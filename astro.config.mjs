// @ts-check

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";
import { parseBuildOptions } from "./src/config/build-options.ts";
import { whenDirective } from "./src/directives/when-directive.ts";
import { audienceSites } from "./src/integrations/audience-sites.ts";
import { buildPhases, PhaseClock } from "./src/integrations/build-phases.ts";
import { islandRendererTag } from "./src/integrations/island-renderer-tag.ts";
import { publicTopicVariants, publicVariantsRoot } from "./src/integrations/public-topic-variants.ts";
import { audiencePlugin } from "./src/lib/audience-plugin.ts";

const options = parseBuildOptions(process.env);
const projectRoot = fileURLToPath(new URL(".", import.meta.url));
/** The content folder as the content collections resolve it: against the project's root. */
const contentDir = resolve(projectRoot, options.contentDir);

/**
 * The Preact integration compiles JSX with Babel, which costs half a second per build in
 * start-up alone; the bundler's own compiler (Oxc) does the same transform, configured below.
 * Its hot-reloading plugin, idle in a build, leaves the build too.
 * @returns {import("vite").Plugin}
 */
function islandJsxWithoutBabel() {
  return {
    name: "help-center:island-jsx-without-babel",
    configResolved(resolved) {
      const babel = resolved.plugins.findIndex((plugin) => plugin.name === "vite:preact-jsx");
      // The Preact integration renamed its plugin: fail rather than compile the islands twice.
      if (babel < 0)
        throw new Error(
          "The Preact JSX plugin (vite:preact-jsx) is gone: see islandJsxWithoutBabel in astro.config.mjs",
        );
      // @ts-expect-error Vite's resolved plugin list is read-only in its types; removing one is the documented way the MDX integration drops Astro's own JSX plugin too.
      resolved.plugins.splice(babel, 1);
      // Preact's hot reloading does nothing in a build but is still asked about every module
      // (some 17,000 calls at 1,000 topics): a build goes without it.
      const refresh = resolved.plugins.findIndex((plugin) => plugin.name === "prefresh");
      // @ts-expect-error As above.
      if (resolved.command === "build" && refresh >= 0) resolved.plugins.splice(refresh, 1);
    },
  };
}
/**
 * What every island loads before its own code, in one file: Preact and its JSX runtime, the island
 * client (the renderer), the island words loader and the API's error reader. Left to itself the
 * bundler splits them by which islands share them, into three files each with its own header and
 * its own compression; together they weigh 0.27 KB gzip less on the seed topic, whose JavaScript
 * budget is 12 KB. The message formatter stays apart: the search page, which has no island, uses it.
 * Only the browser's build: on the server these modules are the renderer's, not a download.
 * @returns {import("vite").Plugin}
 */
function islandRuntimeChunk() {
  const group = {
    name: "islands",
    test: /[\\/]node_modules[\\/]preact[\\/](dist|jsx-runtime)[\\/]|[\\/]src[\\/](islands[\\/](island-words|preact-client)|shared[\\/]api-contract)\.ts$/,
  };
  return {
    name: "help-center:island-runtime-chunk",
    configEnvironment(name) {
      // Merged into the client's options (after the topics group below): arrays are concatenated.
      return name === "client"
        ? { build: { rolldownOptions: { output: { codeSplitting: { groups: [group] } } } } }
        : {};
    },
  };
}
const clock = new PhaseClock();

export default defineConfig({
  site: options.site,
  outDir: options.stagingDir,
  cacheDir: options.cacheDir,
  trailingSlash: "always",
  // Four pages in flight at once: while one waits (on its data, or on the event loop after its file
  // is written, src/integrations/audience-sites.ts), the next renders.
  // The site's one stylesheet (23 KB) is a file, not inlined in every page: cached once for every
  // page a reader opens, and half the bytes of each page the build writes. Astro still inlines a
  // stylesheet under 4 KB.
  build: { format: "directory", inlineStylesheets: "auto", concurrency: 4 },
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ mdastPlugins: [audiencePlugin(publicVariantsRoot(contentDir))] }) },
  integrations: [
    buildPhases(clock),
    // A topic's static markup is compiled to HTML strings, not to a JSX call per element that every
    // page render walks again: about 6 % less CPU and wall time for a 1,000-topic build of both
    // audiences (median of ten alternated rounds, each 0.88-0.99; two identical builds gave
    // 0.93-1.07), the same pages. Only `Internal` and `Note` are passed as components
    // (src/pages/[site]/topics/[id].astro), and they are not HTML elements.
    mdx({ optimize: true }),
    // Only the islands are Preact components (and only they hold JSX).
    preact({ include: [/\.tsx$/] }),
    whenDirective(),
    audienceSites(options, clock),
  ],
  vite: {
    plugins: [
      publicTopicVariants(contentDir, projectRoot),
      islandJsxWithoutBabel(),
      islandRuntimeChunk(),
      islandRendererTag(),
    ],
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
    resolve: {
      // A slimmer island client (see the file for why).
      alias: [
        {
          find: /^@astrojs\/preact\/client\.js$/,
          replacement: fileURLToPath(new URL("./src/islands/preact-client.ts", import.meta.url)),
        },
      ],
    },
    build: {
      rolldownOptions: {
        // Every topic's module in a few chunks rather than a chunk per topic: at 1,000 topics,
        // writing and loading a thousand chunks took a third of the bundling time.
        output: {
          codeSplitting: {
            groups: [{ name: "topics", test: /\.mdx(\?|$)/ }],
          },
        },
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler
        // reports once per topic; it is expected and says nothing about our code.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  },
});
