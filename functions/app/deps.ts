import type { Client } from "@libsql/client";
import type { Context } from "hono";
import { isDatabaseFault } from "../db/faults.ts";
import { defaultWaitMs } from "../db/wait.ts";
import { createWriteQueue, type WriteQueue } from "../db/write-queue.ts";
import { staffAccounts } from "./auth/accounts.ts";
import type { PasswordHasher } from "./auth/password.ts";
import {
  defaultSessionPolicy,
  type Employee,
  type SessionPolicy,
  type SessionStore,
  sessionStore,
} from "./auth/sessions.ts";
import { defaultSignInThrottle, type SignInThrottle, signInService } from "./auth/sign-in.ts";
import { type SingleSignOn, type SsoSettings, singleSignOn } from "./auth/single-sign-on.ts";
import { type DemoSandboxes, demoSandboxes } from "./demo/sandboxes.ts";
import type { FeedbackDeps } from "./feedback/feedback.service.ts";
import type { BodyVariables } from "./lib/body.ts";
import type { ClientVariables, RequestClient } from "./lib/client.ts";
import type { Hasher } from "./lib/crypto.ts";
import { type KnownRefusals, knownRefusals } from "./lib/known-refusals.ts";
import type { RateLimitRule } from "./lib/limiter.ts";
import { jsonLogger, type Logger } from "./lib/log.ts";
import type { AppMetrics } from "./metrics/app-metrics.ts";
import { type MetricsReader, metricsReader } from "./metrics/metrics-access.ts";
import { type Notifier, notifier } from "./notify/notifier.ts";
import type { WebhookSettings } from "./notify/webhook-settings.ts";
import type { SearchesDeps } from "./searches/searches.service.ts";
import type { InlineHashes } from "./security-headers.ts";
import type { LanguagePages } from "./site/built-pages.ts";
import type { TopicCatalog } from "./topic-catalog.ts";
import type { ViewsDeps } from "./views/views.service.ts";

/**
 * The app's wiring, in one place: what it needs from a runtime (`RuntimeParts`, given by each
 * entry: Node, the tests), and the services built from them (`AppDeps`).
 */

/** Everything the app needs from its runtime, built by each entry (Node, edge, tests). */
export interface AppDeps {
  /** The database, for reads and for the few writes that need a transaction of their own. */
  db: Client;
  /** Group commit: most writes go through it (see functions/db/write-queue.ts). */
  writes: WriteQueue;
  /** The clock every service reads (tests pass a fake one). */
  clock: () => number;
  /**
   * After a deletion for a privacy request: makes the deleted text unreadable on disk too; false
   * when that must wait (another connection holds the WAL) and goes on in the background.
   */
  eraseDeleted: () => Promise<boolean>;
  /** Requests, audit events and unexpected errors, one JSON line each (see lib/log.ts). */
  log: Logger;
  /** Which runtime serves (each request's log line says). */
  runtime: "node" | "edge";
  /** The server's metrics and who may read them (`GET /api/metrics`); none on the edge. */
  metrics: { collect: AppMetrics; mayRead: MetricsReader } | undefined;
  /** Whether the server is shutting down: readiness then answers 503. */
  draining: () => boolean;
  feedback: FeedbackDeps;
  searches: SearchesDeps;
  views: ViewsDeps;
  /** Tells writers of Poor and No answers with comments, and sends the daily digest; absent without a webhook. */
  notifier: Notifier | undefined;
  /** Topics of the public build: anonymous readers can only comment on these. */
  topics: TopicCatalog;
  /** Topics of the internal build: employees may comment on internal-only ones too. */
  internalTopics: TopicCatalog;
  auth: {
    signIn: ReturnType<typeof signInService>;
    /** Single sign-on with the company's provider, when configured. */
    sso: SingleSignOn | undefined;
    /** Whether the e-mail and password form (and its API) is offered. */
    localSignIn: boolean;
    sessions: SessionStore;
    policy: SessionPolicy;
  };
  /** The live demo's sandboxes and their temporary codes. */
  demo: { sandboxes: DemoSandboxes };
  /**
   * Built pages the server fills in: the sign-in form and the feedback check page in each language,
   * the internal build's dashboard frame (in the default language: the dashboard stays in it).
   */
  pages: { signIn: LanguagePages; feedbackCheck: LanguagePages; dashboard: string | undefined };
  /** Hashes of the inline scripts and styles in the built pages, for the CSP. */
  inlineHashes: InlineHashes;
  /** Who sent the request and whether over https, as this runtime knows it (proxies included). */
  requestClient: (c: Context) => RequestClient;
  /** Origins besides the request's own that may post (a site served through a proxy). */
  allowedOrigins: readonly string[];
}

/** What middleware tells handlers about the request. */
export interface AppEnv {
  Variables: ClientVariables &
    Partial<BodyVariables> & {
      /** The signed-in employee, if any. */
      employee: Employee | undefined;
      /** This request's id, in its log line and its `X-Request-Id` (lib/request-log.ts). */
      requestId: string;
    };
}

export interface RuntimeParts {
  db: Client;
  hasher: Hasher;
  passwords: PasswordHasher;
  clock: () => number;
  topics: { public: TopicCatalog; internal: TopicCatalog };
  /** The public build's sign-in page in each language (site/built-pages.ts). */
  signInPages: LanguagePages;
  /** The public build's "Check your feedback" page in each language. Default: none (a bare frame). */
  feedbackCheckPages?: LanguagePages;
  dashboardPage?: string | undefined;
  inlineHashes: InlineHashes;
  requestClient: (c: Context) => RequestClient;
  allowedOrigins?: readonly string[];
  feedbackLimit?: RateLimitRule | null;
  searchLimit?: RateLimitRule | null;
  viewLimit?: RateLimitRule | null;
  /** Refusals remembered across requests; the edge keeps one per isolate (default: one per app). */
  knownRefusals?: KnownRefusals;
  sessionPolicy?: SessionPolicy;
  signInThrottle?: SignInThrottle;
  /** How long a write may wait for the database before it is answered 503. */
  dbWaitMs?: number;
  sso?: SsoSettings | undefined;
  /** Default: on. */
  localSignIn?: boolean;
  /** A file database checkpoints its WAL (functions/db/erase.ts); a server keeps its own storage. Default: nothing. */
  eraseDeleted?: () => Promise<boolean>;
  /** Default: JSON lines on stdout. */
  log?: Logger;
  /** Default: node. */
  runtime?: "node" | "edge";
  /** The writers' webhook, when configured. */
  webhook?: WebhookSettings | undefined;
  /** How the webhook is sent and retried (tests shorten the waits and count the sends). */
  webhookDelivery?: { retryDelaysMs?: readonly number[]; send?: typeof fetch };
  /** Default: none (no metrics collected, no `/api/metrics`). */
  metrics?: AppMetrics | undefined;
  /** A bearer token that may read the metrics from anywhere (else from this machine only). */
  metricsToken?: string | undefined;
  /** Default: never. */
  draining?: () => boolean;
}

/** Gauges read from the database and the write queue when the metrics are scraped. */
function watchState(metrics: AppMetrics, db: Client, writes: WriteQueue, clock: () => number, policy: SessionPolicy) {
  metrics.watch("help_center_write_queue_depth", "Writes queued or in the transaction running now.", () =>
    writes.depth(),
  );
  metrics.watch("help_center_sessions_active", "Employee sessions neither idle too long nor too old.", async () => {
    const now = clock();
    try {
      const { rows } = await db.execute({
        sql: "SELECT count(*) AS n FROM sessions WHERE last_seen_at > ? AND created_at > ?",
        args: [now - policy.idleMs, now - policy.absoluteMs],
      });
      return Number(rows[0]?.n ?? 0);
    } catch (error) {
      // The database is away (its fault is counted): the gauge is left out of this scrape.
      if (isDatabaseFault(error)) return undefined;
      throw error;
    }
  });
}

/** Wires the app's services from what a runtime provides: one place for every entry and the tests. */
export function assembleDeps(parts: RuntimeParts): AppDeps {
  const { db, hasher, clock } = parts;
  const metrics = parts.metrics;
  const writes = createWriteQueue(db, {
    waitMs: parts.dbWaitMs ?? defaultWaitMs,
    ...(metrics ? { observer: metrics.writeQueue } : {}),
  });
  const policy = parts.sessionPolicy ?? defaultSessionPolicy;
  if (metrics) watchState(metrics, db, writes, clock, policy);
  const sessions = sessionStore({ db, writes, hasher, clock, policy });
  const accounts = staffAccounts(db, parts.passwords, clock);
  // One for all: their buckets are named apart ("feedback:…", "searches:…", "views:…").
  const refusals = parts.knownRefusals ?? knownRefusals();
  const log = parts.log ?? jsonLogger();
  const webhook = parts.webhook;
  return {
    db,
    writes,
    clock,
    log,
    runtime: parts.runtime ?? "node",
    metrics: metrics ? { collect: metrics, mayRead: metricsReader(hasher, parts.metricsToken) } : undefined,
    draining: parts.draining ?? (() => false),
    eraseDeleted: parts.eraseDeleted ?? (async () => true),
    feedback: {
      writes,
      hasher,
      clock,
      limit: parts.feedbackLimit ?? null,
      refusals,
      tellWriters: webhook !== undefined,
    },
    searches: { writes, hasher, clock, limit: parts.searchLimit ?? null, refusals },
    views: { writes, hasher, clock, limit: parts.viewLimit ?? null, refusals },
    notifier: webhook
      ? notifier({
          db,
          writes,
          settings: webhook,
          log,
          clock,
          catalog: parts.topics.internal,
          ...parts.webhookDelivery,
        })
      : undefined,
    topics: parts.topics.public,
    internalTopics: parts.topics.internal,
    auth: {
      sessions,
      policy,
      sso: parts.sso ? singleSignOn({ settings: parts.sso, db, writes, hasher, clock, sessions }) : undefined,
      localSignIn: parts.localSignIn ?? true,
      signIn: signInService({
        writes,
        hasher,
        clock,
        accounts,
        sessions,
        passwords: parts.passwords,
        throttle: parts.signInThrottle ?? defaultSignInThrottle,
      }),
    },
    demo: { sandboxes: demoSandboxes({ db, writes, hasher, clock }) },
    pages: {
      signIn: parts.signInPages,
      feedbackCheck: parts.feedbackCheckPages ?? (async () => undefined),
      dashboard: parts.dashboardPage,
    },
    inlineHashes: parts.inlineHashes,
    requestClient: parts.requestClient,
    allowedOrigins: parts.allowedOrigins ?? [],
  };
}
