import type { TestProject } from "vitest/node";
import { startServer } from "../../functions/node/server.ts";
import { findOrInstallChromium } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** One Chromium path and one real server (port chosen by the OS) for all browser tests. */
export default async function setup(project: TestProject) {
  project.provide("chromiumPath", findOrInstallChromium());
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    publicSiteDir: "./dist",
    internalSiteDir: "./dist-internal",
  });
  project.provide("baseUrl", server.url.replace("localhost", "127.0.0.1"));
  return () => server.close();
}
