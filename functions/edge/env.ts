import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import { type AppSettings, appEnvFields, appSettings } from "../app/app-settings.ts";

/** Static assets as the Workers runtime hands them to the Worker (`env.ASSETS`). */
export interface AssetsBinding {
  fetch(request: Request | string): Promise<Response>;
}

/** What wrangler.jsonc and `wrangler secret put` give the Worker. */
export interface EdgeBindings {
  ASSETS: AssetsBinding;
  [name: string]: unknown;
}

const edgeEnvSchema = z.object({
  ...appEnvFields,
  /** The libSQL server: `libsql://…` (Turso), `https://…`, or `http://127.0.0.1:…` for `npm run edge`. */
  LIBSQL_URL: z.string().regex(/^(libsql:|https?:)/, "use libsql://…, https://… or http://…"),
  /** Token for the libSQL server (a secret). */
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  /** Key for keyed hashes (a secret); the same as the Node server's if both share a database. */
  SERVER_SECRET: z.string().min(32, "use at least 32 characters"),
});

export interface EdgeConfig extends AppSettings {
  database: { url: string; authToken: string | undefined; waitMs: number };
  serverSecret: string;
}

/** The Worker's bindings, parsed: a missing secret or a bad value is named, not guessed. */
export function parseEdgeEnv(bindings: EdgeBindings): EdgeConfig {
  const e = parseOrExplain(edgeEnvSchema, bindings, "Invalid Worker environment");
  return {
    ...appSettings(e),
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN, waitMs: e.DB_WAIT_MS },
    serverSecret: e.SERVER_SECRET,
  };
}
