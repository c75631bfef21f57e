import type { Plugin } from "vite";

/** Islands (components a page renders with a `client:` directive) live under src/islands/. */
const islandModule = /[\\/]src[\\/]islands[\\/].+\.tsx(\?|$)/;
const defaultComponent = /export\s+default\s+(?:class|function)\s+([A-Z]\w*)/;

/**
 * Names each island's renderer on the server, as Astro's own integrations do for their
 * components. Untagged, Astro asks every renderer whether it owns the component, on every page:
 * the MDX renderer's check calls the island as a plain function, and calling a class throws, so
 * each island cost a thrown error and its stack trace on each of two thousand pages.
 */
export function islandRendererTag(): Plugin {
  return {
    name: "help-center:island-renderer-tag",
    enforce: "post",
    applyToEnvironment: (environment) => environment.config.consumer === "server",
    transform: {
      // Without a filter the bundler would call this hook for every module of the build.
      filter: { id: islandModule },
      handler(code) {
        // An island's own parts export no default; an island written another way is only untagged (slower, not wrong).
        const name = defaultComponent.exec(code)?.[1];
        if (!name) return null;
        return {
          code: `${code}\nimport { __astro_tag_component__ } from "astro/runtime/server/index.js";\n__astro_tag_component__(${name}, "@astrojs/preact");\n`,
          map: null,
        };
      },
    },
  };
}
