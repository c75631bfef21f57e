/**
 * The official libSQL client's integration suite, run against this project's local libSQL
 * endpoint (scripts/lib/libsql-http-server.ts) as upstream runs it against sqld: over HTTP,
 * with `SERVER=sqld`.
 *
 * Ported from tursodatabase/libsql-client-ts, packages/libsql-client/src/__tests__/client.test.ts
 * and helpers.ts at 889a2ec (v0.17.4, the newest the mirror holds; `@libsql/client` 0.18.0 here
 * has the same API: `timeout`, `LibsqlBatchError`, `extendedCode`). Each `describe` block is a
 * file of this folder, the tests and their assertions as upstream wrote them. Adapted only to how
 * this project's Vitest runs: Vitest's `expect` for Jest's, types made strict (`rows[0]?.[0]`
 * for `rows[0][0]`), each file starting its own endpoint on 127.0.0.1 over a fresh database under
 * .cache/scratch (upstream's files share one server: their `DROP TABLE IF EXISTS t` would race
 * here, where files run at once), and local files under .cache/scratch instead of /tmp.
 *
 * Upstream picks tests by server at run time; for HTTP and sqld the choices are fixed, so the
 * tests it skips for that target, and the few out of scope here, are left out where they stand,
 * each with a comment saying why.
 */
import type * as libsql from "@libsql/client";
import { createClient, LibsqlError } from "@libsql/client";
import { afterAll, beforeAll, expect } from "vitest";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

/** Upstream's `config`: the server's URL, known once the endpoint has started (`beforeAll`). */
export const config: libsql.Config = { url: "http://127.0.0.1:0" };

/** Starts the endpoint for the calling test file and points `config` at it. */
export function serveThisFile(): void {
  let endpoint: LibsqlHttpServer | undefined;
  beforeAll(async () => {
    endpoint = await startLibsqlHttpServer(`${scratchDir("libsql-client")}/client.db`);
    config.url = endpoint.url;
  });
  afterAll(() => endpoint?.close());
}

/** Upstream passes `{ intMode }` even when it is undefined, as `Partial` allows outside this project's strict types. */
type ExtraConfig = { [K in keyof libsql.Config]?: libsql.Config[K] | undefined };

export function withClient(f: (c: libsql.Client) => Promise<void>, extraConfig: ExtraConfig = {}): () => Promise<void> {
  return async () => {
    const c = createClient({ ...config, ...extraConfig } as libsql.Config);
    try {
      await f(c);
    } finally {
      c.close();
    }
  };
}

export function withInMemoryClient(f: (c: libsql.Client) => Promise<void>): () => Promise<void> {
  return async () => {
    const c = createClient({ url: ":memory:" });
    try {
      await f(c);
    } finally {
      c.close();
    }
  };
}

/** What upstream's `catch (e: any)` blocks read from a batch error. */
export type Caught = { name?: unknown; statementIndex?: unknown; code?: unknown; extendedCode?: unknown };

type CodeMatch = {
  code: string;
  rawCode: number;
};

const isValidCode = (error: LibsqlError, code?: string | CodeMatch) => {
  if (code === undefined) {
    return true;
  }
  if (typeof code === "string") {
    return error.code === code;
  }
  return error.code === code.code && error.rawCode === code.rawCode;
};

expect.extend({
  toBeLibsqlError(actual: unknown, code?: string | CodeMatch, messageRe?: RegExp) {
    const pass =
      actual instanceof LibsqlError &&
      isValidCode(actual, code) &&
      (messageRe === undefined || actual.message.match(messageRe) !== null);

    const message = (): string => {
      const parts = [];
      parts.push("expected ");
      parts.push(this.utils.printReceived(actual));
      parts.push(pass ? " not to be " : " to be ");
      parts.push("an instance of LibsqlError");
      if (code !== undefined) {
        parts.push(" with error code ");
        parts.push(this.utils.printExpected(code));
      }
      if (messageRe !== undefined) {
        parts.push(" with error message matching ");
        parts.push(this.utils.printExpected(messageRe));
      }
      return parts.join("");
    };

    return { pass, message };
  },
});

declare module "vitest" {
  interface Matchers<R> {
    toBeLibsqlError(code?: string | CodeMatch, messageRe?: RegExp): R;
  }
}
