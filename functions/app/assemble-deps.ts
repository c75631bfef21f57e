import type { Client } from "@libsql/client";
import type { Context } from "hono";
import { createWriteQueue } from "../db/write-queue.ts";
import { staffAccounts } from "./auth/accounts.ts";
import type { PasswordHasher } from "./auth/password.ts";
import { defaultSessionPolicy, type SessionPolicy, sessionStore } from "./auth/sessions.ts";
import { defaultSignInThrottle, signInService } from "./auth/sign-in.ts";
import { demoSandboxes } from "./demo/sandboxes.ts";
import type { AppDeps } from "./deps.ts";
import type { Hasher } from "./lib/crypto.ts";
import type { RateLimitRule } from "./lib/rate-limit.ts";
import type { InlineHashes } from "./security-headers.ts";
import type { TopicCatalog } from "./topic-catalog.ts";

export interface RuntimeParts {
  db: Client;
  hasher: Hasher;
  passwords: PasswordHasher;
  clock: () => number;
  topics: { public: TopicCatalog; internal: TopicCatalog };
  signInPage: string | undefined;
  dashboardPage?: string | undefined;
  inlineHashes: InlineHashes;
  clientAddress: (c: Context) => string;
  allowedOrigins?: readonly string[];
  feedbackLimit?: RateLimitRule | null;
  sessionPolicy?: SessionPolicy;
  signInThrottle?: RateLimitRule;
}

/** Wires the app's services from what a runtime provides: one place for Node, the edge and tests. */
export function assembleDeps(parts: RuntimeParts): AppDeps {
  const { db, hasher, clock } = parts;
  const writes = createWriteQueue(db);
  const policy = parts.sessionPolicy ?? defaultSessionPolicy;
  const sessions = sessionStore({ db, writes, hasher, clock, policy });
  const accounts = staffAccounts(db, parts.passwords, clock);
  return {
    db,
    feedback: { writes, hasher, clock, limit: parts.feedbackLimit ?? null },
    topics: parts.topics.public,
    internalTopics: parts.topics.internal,
    auth: {
      sessions,
      policy,
      signIn: signInService({
        db,
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
    pages: { signIn: parts.signInPage, dashboard: parts.dashboardPage },
    inlineHashes: parts.inlineHashes,
    clientAddress: parts.clientAddress,
    allowedOrigins: parts.allowedOrigins ?? [],
  };
}
