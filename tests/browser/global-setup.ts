import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { pbkdf2Passwords } from "../../functions/app/auth/pbkdf2-password.ts";
import { parseNodeConfig } from "../../functions/node/config.ts";
import { openMigratedDb } from "../../functions/node/deps.ts";
import { startServer } from "../../functions/node/server.ts";
import { freePort } from "../../scripts/lib/free-port.ts";
import { startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { removeScratchDir, scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { findOrInstallChromium } from "../support/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    databaseFile: string;
    employee: { email: string; password: string };
  }
}

/** One Chromium path and one real server (port chosen by the OS) for all browser tests. */
export default async function setup(project: TestProject) {
  project.provide("chromiumPath", findOrInstallChromium());
  const dataDir = join(process.cwd(), scratchDir("help-center-browser"));
  const databaseFile = join(dataDir, "browser.db");
  const employee = { email: "browser.tester@example.com", password: "browser tests sign in here" };
  const db = await openMigratedDb({ url: `file:${databaseFile}`, authToken: undefined });
  await staffAccounts(db, pbkdf2Passwords()).add(employee.email, employee.password);
  db.close();
  // Single sign-on against a real local provider: it must know the server's address first.
  const port = await freePort();
  const provider = await startDevProvider({ port: 0, publicUrl: `http://127.0.0.1:${port}` });
  const server = await startServer(
    parseNodeConfig({
      HOST: "127.0.0.1",
      PORT: String(port),
      LIBSQL_URL: `file:${databaseFile}`,
      FEEDBACK_RATE_LIMIT: "200/600",
      // Every page the tests open counts a view from 127.0.0.1; a limit would make those counts depend on order.
      VIEW_RATE_LIMIT: "off",
      // The server runs inside the test process: a line per request would bury the test report.
      LOG_LEVEL: "error",
      ...provider.settings,
    }),
  );
  project.provide("baseUrl", server.url.replace("localhost", "127.0.0.1"));
  project.provide("databaseFile", databaseFile);
  project.provide("employee", employee);
  return async () => {
    await server.close();
    await provider.close();
    removeScratchDir(dataDir);
  };
}
