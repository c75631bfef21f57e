import type { Client } from "@libsql/client";
import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "../lib/crypto.ts";
import { type RateLimitRule, rateLimitWindow } from "../lib/rate-limit.ts";
import type { StaffAccounts } from "./accounts.ts";
import type { PasswordHasher } from "./password.ts";
import type { SessionStore } from "./sessions.ts";

export interface SignInDeps {
  db: Client;
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  accounts: StaffAccounts;
  sessions: SessionStore;
  passwords: PasswordHasher;
  /** Failed attempts allowed per account and per client. Default: 5 in 15 minutes. */
  throttle: RateLimitRule;
}

export const defaultSignInThrottle: RateLimitRule = { max: 5, windowMs: 15 * 60_000 };

export type SignInOutcome =
  | { kind: "signed_in"; token: string }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password. An unknown or disabled e-mail costs the same scrypt work as a known one,
 * and gets the same answer, so neither timing nor wording tells which addresses have accounts.
 * Failures count against the account and the client; five in a window close both.
 */
export function signInService(deps: SignInDeps) {
  let decoy: Promise<string> | undefined;

  return async function signIn(email: string, password: string, clientAddress: string): Promise<SignInOutcome> {
    const now = deps.clock();
    const address = email.trim().toLowerCase();
    const windows = [
      rateLimitWindow(deps.throttle, `signin:account:${await deps.hasher.keyed("account", address)}`, now),
      rateLimitWindow(deps.throttle, `signin:client:${await deps.hasher.keyed("client", clientAddress)}`, now),
    ];
    const counts = await deps.db.execute({
      sql: "SELECT max(hits) AS hits FROM rate_limits WHERE window_start = ? AND bucket IN (?, ?)",
      args: [now - (now % deps.throttle.windowMs), ...windows.map((w) => w.bucket)],
    });
    if (Number(counts.rows[0]?.hits ?? 0) >= deps.throttle.max) {
      return { kind: "throttled", retryAfterSeconds: Math.max(...windows.map((w) => w.retryAfterSeconds)) };
    }

    const account = await deps.accounts.forSignIn(address);
    decoy ??= deps.passwords.hash("a password no account has, hashed for the timing only");
    const matches = await deps.passwords.verify(password, account?.passwordHash ?? (await decoy));
    if (!account || !matches) {
      await deps.writes.write(windows.map((w) => w.countHit));
      return { kind: "invalid" };
    }
    return { kind: "signed_in", token: await deps.sessions.create(account.id) };
  };
}
