import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "../lib/crypto.ts";
import { type LimitCheck, type RateLimitRule, take } from "../lib/limiter.ts";
import type { StaffAccounts } from "./accounts.ts";
import type { PasswordHasher } from "./password.ts";
import type { SessionStore } from "./sessions.ts";

/** How many failed sign-ins each counter allows in its window. */
export interface SignInThrottle {
  /** One client trying one account: the lockout a person meets after typos. Default: 5 in 15 minutes. */
  perClientAndAccount: RateLimitRule;
  /** One client across accounts (password spraying). Default: 20 in 15 minutes. */
  perClient: RateLimitRule;
  /**
   * One account from everywhere: a ceiling far above the first, so that nobody can lock an
   * employee out from another client, while a distributed guess still slows down. NIST SP
   * 800-63B allows at most 100 consecutive failures. Default: 100 in 15 minutes.
   */
  perAccount: RateLimitRule;
}

const fifteenMinutes = 15 * 60_000;

export const defaultSignInThrottle: SignInThrottle = {
  perClientAndAccount: { max: 5, windowMs: fifteenMinutes },
  perClient: { max: 20, windowMs: fifteenMinutes },
  perAccount: { max: 100, windowMs: fifteenMinutes },
};

export interface SignInDeps {
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  accounts: StaffAccounts;
  sessions: SessionStore;
  passwords: PasswordHasher;
  throttle: SignInThrottle;
}

export type SignInOutcome =
  | { kind: "signed_in"; token: string }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * The hash an unknown e-mail is checked against, so that it costs what a known one does: made
 * once per password hasher, not once per service. The edge builds the app, and so this service,
 * for every request; a decoy per service was a second full-cost hash in every sign-in there.
 */
const decoys = new WeakMap<PasswordHasher, Promise<string>>();

function decoyFor(passwords: PasswordHasher): Promise<string> {
  let decoy = decoys.get(passwords);
  if (!decoy) {
    decoy = passwords.hash("a password no account has, hashed for the timing only");
    decoys.set(passwords, decoy);
    // A failed one is made again next time.
    decoy.catch(() => decoys.delete(passwords));
  }
  return decoy;
}

/**
 * Checks a password. Every attempt is counted before the password is hashed, so simultaneous
 * attempts can never have more than the limit checked; a successful one gives its count back.
 * An unknown or disabled e-mail costs the same work as a known one and gets the same answer,
 * so neither timing nor wording tells which addresses have accounts.
 */
export function signInService(deps: SignInDeps) {
  return async function signIn(email: string, password: string, clientAddress: string): Promise<SignInOutcome> {
    const now = deps.clock();
    const address = email.trim().toLowerCase();
    const [account, client, pair] = await Promise.all([
      deps.hasher.keyed("account", address),
      deps.hasher.keyed("client", clientAddress),
      deps.hasher.keyed("client-account", `${clientAddress}\u0000${address}`),
    ]);
    const checks: LimitCheck[] = [
      { rule: deps.throttle.perClientAndAccount, bucket: `signin:pair:${pair}` },
      { rule: deps.throttle.perClient, bucket: `signin:client:${client}` },
      { rule: deps.throttle.perAccount, bucket: `signin:account:${account}` },
    ];
    const taken = await take(deps.writes, checks, now);
    if (!taken.allowed) return { kind: "throttled", retryAfterSeconds: taken.retryAfterSeconds };

    let found: Awaited<ReturnType<StaffAccounts["forSignIn"]>>;
    let matches: boolean;
    try {
      found = await deps.accounts.forSignIn(address);
      const decoy = decoyFor(deps.passwords);
      matches = await deps.passwords.verify(password, found?.passwordHash ?? (await decoy));
    } catch (error) {
      // Not checked (the password workers were busy, say): not a failure either.
      await taken.refund();
      throw error;
    }
    if (!found || !matches) return { kind: "invalid" };
    await taken.refund();
    if (deps.passwords.needsRehash(found.passwordHash)) {
      // Best effort: the sign-in succeeds whether or not the stronger hash could be stored now.
      await deps.passwords
        .hash(password)
        .then((hash) => deps.accounts.replaceHash(found.id, hash))
        .catch(() => {});
    }
    return { kind: "signed_in", token: await deps.sessions.create(found.id) };
  };
}
