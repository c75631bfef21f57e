import { join } from "node:path";
import type { Client } from "@libsql/client";
import { type PasswordHasher, passwordHasher } from "../../functions/app/auth/password.ts";
import { pbkdf2Passwords } from "../../functions/app/auth/pbkdf2-password.ts";
import type { SessionPolicy } from "../../functions/app/auth/sessions.ts";
import type { SignInThrottle } from "../../functions/app/auth/sign-in.ts";
import type { SsoSettings } from "../../functions/app/auth/single-sign-on.ts";
import { createApp } from "../../functions/app/create-app.ts";
import { assembleDeps } from "../../functions/app/deps.ts";
import { createWebHasher } from "../../functions/app/lib/crypto.ts";
import type { RateLimitRule } from "../../functions/app/lib/limiter.ts";
import type { Logger } from "../../functions/app/lib/log.ts";
import type { AppMetrics } from "../../functions/app/metrics/app-metrics.ts";
import type { WebhookSettings } from "../../functions/app/notify/webhook-settings.ts";
import type { Sites } from "../../functions/app/site/audience.ts";
import { builtPage, type LanguagePages } from "../../functions/app/site/built-pages.ts";
import { topicCatalog } from "../../functions/app/topic-catalog.ts";
import { createDb } from "../../functions/db/client.ts";
import { walEraser } from "../../functions/db/erase.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { scryptPasswords } from "../../functions/node/scrypt-password.ts";
import { internalSampleManifest, sampleLanguages, sampleManifest } from "../../scripts/lib/sample-manifest.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { memoryLogger } from "./memory-logger.ts";
import { checkAnswersAgainstDocument } from "./openapi-conformance.ts";

export interface TestAppOptions {
  /** Share a database file with another test app (two processes, as far as the limits know). */
  databaseFile?: string;
  limit?: RateLimitRule | null;
  searchLimit?: RateLimitRule | null;
  viewLimit?: RateLimitRule | null;
  clock?: () => number;
  sites?: Sites;
  /** The default language's sign-in page, or each language's (by code). */
  signInPage?: string | Readonly<Record<string, string>>;
  dashboardPage?: string;
  /** The default language's "Check your feedback" page, or each language's (by code). */
  feedbackCheckPage?: string | Readonly<Record<string, string>>;
  sessionPolicy?: SessionPolicy;
  onUnexpectedError?: (error: unknown) => void;
  passwords?: PasswordHasher;
  signInThrottle?: SignInThrottle;
  dbWaitMs?: number;
  sso?: SsoSettings;
  localSignIn?: boolean;
  /** Where audit events and unexpected errors go (default: kept in memory, unread). */
  log?: Logger;
  /** Take `X-Request-Id` as a trusted proxy's (the Node entry does so only behind TRUST_PROXY). */
  trustedRequestIds?: boolean;
  /** Wraps the database the app gets (a failing one, say); migrations run on the real one. */
  wrapDb?: (db: Client) => Client;
  /** The writers' webhook, and how it retries. */
  webhook?: WebhookSettings;
  webhookDelivery?: { retryDelaysMs?: readonly number[] };
  /** Metrics collected and served at /api/metrics, as on Node (default: none, as on the edge). */
  metrics?: AppMetrics;
  metricsToken?: string;
  /** Whether the server is shutting down (default: never). */
  draining?: () => boolean;
}

/** Cheap hashing for tests (older scrypt hashes still read); `tests/unit/auth-rules.test.ts` checks the real cost. */
export const testPasswords = passwordHasher(pbkdf2Passwords({ iterations: 1000 }), [
  scryptPasswords({ N: 1024, r: 8, p: 1 }),
]);

/** Pages given by language (a string is the default language's), as a build's sites hold them. */
function pagesOf(pages: string | Readonly<Record<string, string>> | undefined): LanguagePages {
  const byLanguage: Readonly<Record<string, string>> =
    typeof pages === "string" ? { [sampleLanguages.default]: pages } : (pages ?? {});
  const byFolder = new Map(
    Object.entries(byLanguage).map(([lang, page]) => [
      lang === sampleLanguages.default ? "page" : `${lang}/page`,
      page,
    ]),
  );
  return builtPage((folder) => byFolder.get(folder), sampleLanguages.default, "page");
}

/** The whole app on a fresh, migrated file database of its own. Clients are told apart by `X-Test-Client`. */
export async function createTestApp(options: TestAppOptions = {}) {
  const databaseFile = options.databaseFile ?? join(scratchDir("help-center-db"), "test.db");
  const db = await createDb(
    { url: `file:${databaseFile}`, authToken: undefined },
    options.metrics ? { onFault: options.metrics.dbFault } : {},
  );
  await migrate(db, readMigrations());
  const deps = assembleDeps({
    db: options.wrapDb ? options.wrapDb(db) : db,
    hasher: createWebHasher("a-test-secret-that-is-long-enough-000"),
    passwords: options.passwords ?? testPasswords,
    clock: options.clock ?? Date.now,
    topics: { public: topicCatalog(sampleManifest), internal: topicCatalog(internalSampleManifest) },
    signInPages: pagesOf(options.signInPage),
    dashboardPage: options.dashboardPage,
    feedbackCheckPages: pagesOf(options.feedbackCheckPage),
    inlineHashes: { scripts: ["sha256-test"], styles: [] },
    requestClient: (c) => ({
      address: c.req.header("X-Test-Client") ?? "203.0.113.7",
      // As a server speaking TLS itself knows it: from the request's own scheme.
      https: c.req.url.startsWith("https:"),
      requestId: options.trustedRequestIds ? c.req.header("X-Request-Id") : undefined,
    }),
    feedbackLimit: options.limit === undefined ? null : options.limit,
    searchLimit: options.searchLimit ?? null,
    viewLimit: options.viewLimit ?? null,
    ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
    ...(options.signInThrottle ? { signInThrottle: options.signInThrottle } : {}),
    ...(options.dbWaitMs ? { dbWaitMs: options.dbWaitMs } : {}),
    ...(options.sso ? { sso: options.sso } : {}),
    ...(options.localSignIn === undefined ? {} : { localSignIn: options.localSignIn }),
    ...(options.webhook ? { webhook: options.webhook, webhookDelivery: options.webhookDelivery ?? {} } : {}),
    log: options.log ?? memoryLogger(),
    metrics: options.metrics,
    metricsToken: options.metricsToken,
    ...(options.draining ? { draining: options.draining } : {}),
    // A deletion's erasure, when held up, is retried soon rather than in 5 seconds.
    eraseDeleted: walEraser(db, 100),
  });
  const app = createApp(deps, {
    ...(options.sites ? { sites: options.sites } : {}),
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
  });
  return { app: checkAnswersAgainstDocument(app), db, deps, databaseFile };
}
