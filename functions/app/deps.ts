import type { Client } from "@libsql/client";
import type { Context } from "hono";
import type { WriteQueue } from "../db/write-queue.ts";
import type { Employee, SessionPolicy, SessionStore } from "./auth/sessions.ts";
import type { signInService } from "./auth/sign-in.ts";
import type { DemoSandboxes } from "./demo/sandboxes.ts";
import type { FeedbackDeps } from "./feedback/feedback.service.ts";
import type { ClientVariables, RequestClient } from "./lib/client.ts";
import type { InlineHashes } from "./security-headers.ts";
import type { TopicCatalog } from "./topic-catalog.ts";

/** Everything the app needs from its runtime, built by each entry (Node, edge, tests). */
export interface AppDeps {
  /** The database, for reads and for the few writes that need a transaction of their own. */
  db: Client;
  /** Group commit: most writes go through it (see functions/db/write-queue.ts). */
  writes: WriteQueue;
  /** The clock every service reads (tests pass a fake one). */
  clock: () => number;
  feedback: FeedbackDeps;
  /** Topics of the public build: anonymous readers can only comment on these. */
  topics: TopicCatalog;
  /** Topics of the internal build: employees may comment on internal-only ones too. */
  internalTopics: TopicCatalog;
  auth: {
    signIn: ReturnType<typeof signInService>;
    sessions: SessionStore;
    policy: SessionPolicy;
  };
  /** The live demo's sandboxes and their temporary codes. */
  demo: { sandboxes: DemoSandboxes };
  /** Built pages the server fills in: the sign-in form, the feedback check page, the internal build's dashboard frame. */
  pages: { signIn: string | undefined; feedbackCheck: string | undefined; dashboard: string | undefined };
  /** Hashes of the inline scripts and styles in the built pages, for the CSP. */
  inlineHashes: InlineHashes;
  /** Who sent the request and whether over https, as this runtime knows it (proxies included). */
  requestClient: (c: Context) => RequestClient;
  /** Origins besides the request's own that may post (a site served through a proxy). */
  allowedOrigins: readonly string[];
}

/** What middleware tells handlers about the request. */
export interface AppEnv {
  Variables: ClientVariables & {
    /** The signed-in employee, if any. */
    employee: Employee | undefined;
  };
}
