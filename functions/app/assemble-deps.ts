import type { Client } from "@libsql/client";
import type { Context } from "hono";
import { defaultWaitMs } from "../db/client.ts";
import { createWriteQueue } from "../db/write-queue.ts";
import { staffAccounts } from "./auth/accounts.ts";
import type { PasswordHasher } from "./auth/password.ts";
import { defaultSessionPolicy, type SessionPolicy, sessionStore } from "./auth/sessions.ts";
import { defaultSignInThrottle, type SignInThrottle, signInService } from "./auth/sign-in.ts";
import { demoSandboxes } from "./demo/sandboxes.ts";
import type { AppDeps } from "./deps.ts";
import type { RequestClient } from "./lib/client.ts";
import type { Hasher } from "./lib/crypto.ts";
import type { RateLimitRule } from "./lib/limiter.ts";
import type { InlineHashes } from "./security-headers.ts";
import type { TopicCatalog } from "./topic-catalog.ts";

export interface RuntimeParts {
  db: Client;
  hasher: Hasher;
  passwords: PasswordHasher;
  clock: () => number;
  topics: { public: TopicCatalog; internal: TopicCatalog };
  signInPage: string | undefined;
  feedbackCheckPage?: string | undefined;
  dashboardPage?: string | undefined;
  inlineHashes: InlineHashes;
  requestClient: (c: Context) => RequestClient;
  allowedOrigins?: readonly string[];
  feedbackLimit?: RateLimitRule | null;
  sessionPolicy?: SessionPolicy;
  signInThrottle?: SignInThrottle;
  /** How long a write may wait for the database before it is answered 503. */
  dbWaitMs?: number;
}

/** Wires the app's services from what a runtime provides: one place for Node, the edge and tests. */
export function assembleDeps(parts: RuntimeParts): AppDeps {
  const { db, hasher, clock } = parts;
  const writes = createWriteQueue(db, { waitMs: parts.dbWaitMs ?? defaultWaitMs });
  const policy = parts.sessionPolicy ?? defaultSessionPolicy;
  const sessions = sessionStore({ db, writes, hasher, clock, policy });
  const accounts = staffAccounts(db, parts.passwords, clock);
  return {
    db,
    writes,
    clock,
    feedback: { writes, hasher, clock, limit: parts.feedbackLimit ?? null },
    topics: parts.topics.public,
    internalTopics: parts.topics.internal,
    auth: {
      sessions,
      policy,
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
    pages: { signIn: parts.signInPage, feedbackCheck: parts.feedbackCheckPage, dashboard: parts.dashboardPage },
    inlineHashes: parts.inlineHashes,
    requestClient: parts.requestClient,
    allowedOrigins: parts.allowedOrigins ?? [],
  };
}
