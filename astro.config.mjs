// @ts-check

import { fileURLToPath } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";
import { parseBuildOptions } from "./src/config/build-options.ts";
import { focusDirective } from "./src/directives/focus-directive.ts";
import { cspHashes } from "./src/integrations/csp-hashes.ts";
import { islandStyleInHead } from "./src/integrations/island-style-in-head.ts";
import { pagefindIndex } from "./src/integrations/pagefind-index.ts";
import { audiencePlugin } from "./src/lib/audience-plugin.ts";

const options = parseBuildOptions(process.env);

export default defineConfig({
  site: options.site,
  outDir: options.outDir,
  cacheDir: options.cacheDir,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ mdastPlugins: [audiencePlugin(options.audience)] }) },
  // The island style moves before the CSP hashes are taken; both run after Pagefind has indexed.
  integrations: [mdx(), preact(), focusDirective(), pagefindIndex(), islandStyleInHead(), cspHashes()],
  vite: {
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
      rollupOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler
        // reports once per topic; it is expected and says nothing about our code.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  },
});
