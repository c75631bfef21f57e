import type { Client } from "@libsql/client";
import { createClient } from "@libsql/client/web";
import { recoveringClient } from "./recovering-client.ts";
import { defaultWaitMs, fetchWithin } from "./wait.ts";

/**
 * The database for a runtime without files or native modules (the edge): a libSQL server over
 * HTTP (`libsql://…`, `https://…`), every call with a deadline, the client replaced after a
 * fault. Nothing here keeps state per connection: no PRAGMAs, no held connection; each batch
 * is its own transaction on the server.
 */
export function createWebDb(config: { url: string; authToken: string | undefined; waitMs?: number }): Client {
  const waitMs = config.waitMs ?? defaultWaitMs;
  const open = () =>
    createClient({
      url: config.url,
      fetch: fetchWithin(waitMs),
      ...(config.authToken ? { authToken: config.authToken } : {}),
    });
  return recoveringClient(open(), async () => open());
}
