import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { pbkdf2Passwords } from "../../functions/app/auth/pbkdf2-password.ts";
import { openMigratedDb } from "../../functions/node/deps.ts";
import { startEdge } from "../../scripts/edge.ts";
import { freePort } from "../../scripts/lib/free-port.ts";
import { startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { webhookReceiver } from "../support/webhook-receiver.ts";

declare module "vitest" {
  export interface ProvidedContext {
    edgeUrl: string;
    edgeDatabaseFile: string;
    /** Everything the Worker printed so far (its JSON log lines among it). */
    edgeLogFile: string;
    edgeEmployee: { email: string; password: string };
    /** The single sign-on settings the Worker runs with (a local provider). */
    edgeSso: Record<string, string>;
    /** What the writers' webhook received from the Worker, one JSON line per message. */
    edgeWebhookFile: string;
    edgeWebhookSecret: string;
  }
}

/**
 * One Worker in workerd for all edge tests: the real `npm run edge` path (assets assembled from
 * the build, the local libSQL endpoint over a fresh database file), on 127.0.0.1 only.
 */
export default async function setup(project: TestProject) {
  const edgeDir = join(process.cwd(), scratchDir("edge"));
  const databaseFile = join(edgeDir, "edge.db");
  const logFile = join(edgeDir, "worker.log");
  const employee = { email: "edge.tester@example.com", password: "edge tests sign in here" };
  const db = await openMigratedDb({ url: `file:${databaseFile}`, authToken: undefined });
  await staffAccounts(db, pbkdf2Passwords()).add(employee.email, employee.password);
  db.close();
  const webhookFile = join(edgeDir, "webhook.jsonl");
  const webhookSecret = "a-webhook-secret-for-the-edge-tests-0000";
  const receiver = await webhookReceiver([], {
    onReceive: (message) => appendFileSync(webhookFile, `${JSON.stringify(message)}\n`),
  });
  const port = await freePort();
  const provider = await startDevProvider({ port: 0, publicUrl: `http://127.0.0.1:${port}` });
  const edge = await startEdge(
    {
      ...process.env,
      ...provider.settings,
      HOST: "127.0.0.1",
      PORT: String(port),
      LIBSQL_URL: `file:${databaseFile}`,
      SERVER_SECRET: "a-secret-for-the-edge-tests-that-is-long-enough",
      FEEDBACK_RATE_LIMIT: "5/600",
      FEEDBACK_WEBHOOK_URL: receiver.url,
      FEEDBACK_WEBHOOK_SECRET: webhookSecret,
    },
    (text) => appendFileSync(logFile, text),
  );
  project.provide("edgeUrl", edge.url);
  project.provide("edgeDatabaseFile", databaseFile);
  project.provide("edgeLogFile", logFile);
  project.provide("edgeEmployee", employee);
  project.provide("edgeSso", provider.settings);
  project.provide("edgeWebhookFile", webhookFile);
  project.provide("edgeWebhookSecret", webhookSecret);
  return async () => {
    await edge.close();
    await provider.close();
    await receiver.close();
  };
}
