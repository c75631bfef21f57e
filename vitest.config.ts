import { defineConfig } from "vitest/config";

/** Every project removes the scratch folders (databases, bundles, builds) a test file made. */
const setupFiles = ["tests/support/remove-scratch.ts"];

/**
 * Every project starts by pointing TMPDIR at a folder of the run's own, and the run fails if
 * anything is left in it at the end (see the file); a project's own global setup comes after.
 */
const globalSetup = (...own: string[]) => ["tests/support/run-temp-folder.ts", ...own];

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], setupFiles, globalSetup: globalSetup() } },
      { test: { name: "api", include: ["tests/api/**/*.test.ts"], setupFiles, globalSetup: globalSetup() } },
      {
        // The official libSQL client's integration suite against the local libSQL endpoint (tests/libsql-client/support.ts).
        test: {
          name: "libsql-client",
          include: ["tests/libsql-client/**/*.test.ts"],
          setupFiles,
          globalSetup: globalSetup(),
        },
      },
      {
        // Reads the built site (`npm test` builds it first when a source changed).
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          setupFiles,
          globalSetup: globalSetup(),
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real processes: the server killed under load, the staff tool.
        test: {
          name: "durability",
          include: ["tests/durability/**/*.test.ts"],
          setupFiles,
          globalSetup: globalSetup(),
          testTimeout: 60_000,
        },
      },
      {
        // The Worker in workerd (wrangler dev), through the local libSQL endpoint.
        test: {
          name: "edge",
          setupFiles,
          include: ["tests/edge/**/*.test.ts"],
          globalSetup: globalSetup("tests/edge/global-setup.ts"),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          setupFiles,
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: globalSetup("tests/browser/global-setup.ts"),
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machines here have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
