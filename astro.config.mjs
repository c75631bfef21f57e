// @ts-check

import { fileURLToPath } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";
import { parseBuildOptions } from "./src/config/build-options.ts";
import { focusDirective } from "./src/directives/focus-directive.ts";
import { audienceSites } from "./src/integrations/audience-sites.ts";
import { buildPhases, PhaseClock } from "./src/integrations/build-phases.ts";
import { publicTopicVariants, publicVariantsRoot } from "./src/integrations/public-topic-variants.ts";
import { audiencePlugin } from "./src/lib/audience-plugin.ts";

const options = parseBuildOptions(process.env);
const clock = new PhaseClock();

export default defineConfig({
  site: options.site,
  outDir: options.stagingDir,
  cacheDir: options.cacheDir,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always", concurrency: Number(process.env.XCONC ?? 4) },
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ mdastPlugins: [audiencePlugin(publicVariantsRoot(options.contentDir))] }) },
  integrations: [
    buildPhases(clock),
    mdx(),
    // Only the islands hold JSX: Babel need not read every other module (the content layer's
    // module map alone is 240 KB at 1,000 topics).
    preact({ include: [/\.tsx$/] }),
    focusDirective(),
    audienceSites(options, clock),
  ],
  vite: {
    plugins: [publicTopicVariants(options.contentDir, fileURLToPath(new URL(".", import.meta.url)))],
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
        output: { codeSplitting: { groups: [{ name: "topics", test: /\.mdx(\?|$)/ }] } },
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler
        // reports once per topic; it is expected and says nothing about our code.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  },
});
