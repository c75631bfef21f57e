import type { Client } from "@libsql/client";
import { isDatabaseFault } from "../../db/faults.ts";
import type { WriteQueue } from "../../db/write-queue.ts";
import { type Hasher, randomToken } from "../lib/crypto.ts";

export interface SessionPolicy {
  /** A session unused for this long ends. Default: 12 hours. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. Default: 7 days. */
  absoluteMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };

export interface Employee {
  userId: number;
  email: string;
}

/** How often a session's last use is written: once a minute is precise enough for a 12-hour idle limit. */
const touchEveryMs = 60_000;

export interface SessionDeps {
  db: Client;
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  policy: SessionPolicy;
}

/** How long a confirmed session is trusted while the database cannot be asked. */
const outageGraceMs = 10 * 60_000;

/** Sessions this process confirmed lately, by token hash; bounded, oldest dropped first. */
function recentlyConfirmed(capacity = 10_000) {
  const seen = new Map<string, { employee: Employee; at: number }>();
  return {
    remember(tokenHash: string, employee: Employee, now: number) {
      seen.delete(tokenHash);
      if (seen.size >= capacity) seen.delete(seen.keys().next().value as string);
      seen.set(tokenHash, { employee, at: now });
    },
    recall(tokenHash: string, now: number): Employee | undefined {
      const entry = seen.get(tokenHash);
      return entry && now - entry.at < outageGraceMs ? entry.employee : undefined;
    },
    forget(tokenHash: string): undefined {
      seen.delete(tokenHash);
      return undefined;
    },
  };
}

/** Server-side sessions: the browser holds a random token, the database only its hash. */
export function sessionStore(deps: SessionDeps) {
  const { db, writes, hasher, clock, policy } = deps;
  const confirmed = recentlyConfirmed();
  return {
    /**
     * A new session. `providerSession` is set for a sign-in through the identity provider: its
     * `sid` (for back-channel logout), or "" when it gave none.
     */
    async create(userId: number, providerSession?: string): Promise<string> {
      const token = randomToken(32);
      const now = clock();
      await writes.write([
        {
          sql: "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, provider_session) VALUES (?, ?, ?, ?, ?)",
          args: [await hasher.digest(token), userId, now, now, providerSession ?? null],
        },
      ]);
      return token;
    },

    /**
     * The employee behind a token, if the session is live and the account enabled. While the
     * database cannot answer, a session this process confirmed in the last few minutes still
     * counts, so employees keep reading the internal pages through a database outage.
     * `touch: false` leaves the session's last use alone: recording what a reader did (a
     * search) must leave no trace on the account that could tie the two together.
     */
    async find(token: string, options: { touch?: boolean } = {}): Promise<Employee | undefined> {
      const now = clock();
      const tokenHash = await hasher.digest(token);
      let row: Record<string, unknown> | undefined;
      try {
        row = (
          await db.execute({
            sql: `SELECT s.user_id, s.created_at, s.last_seen_at, u.email FROM sessions s
                  JOIN staff_users u ON u.id = s.user_id AND u.disabled_at IS NULL
                  WHERE s.token_hash = ?`,
            args: [tokenHash],
          })
        ).rows[0];
      } catch (error) {
        if (!isDatabaseFault(error)) throw error;
        return confirmed.recall(tokenHash, now);
      }
      if (!row) return confirmed.forget(tokenHash);
      const lastSeen = Number(row.last_seen_at);
      if (now - lastSeen >= policy.idleMs || now - Number(row.created_at) >= policy.absoluteMs) {
        confirmed.forget(tokenHash);
        await writes.write([{ sql: "DELETE FROM sessions WHERE token_hash = ?", args: [tokenHash] }]);
        return undefined;
      }
      if (options.touch !== false && now - lastSeen > touchEveryMs) {
        // Best effort: a session in use stays in use even if this one write fails.
        await writes
          .write([{ sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", args: [now, tokenHash] }])
          .catch((error: unknown) => {
            if (!isDatabaseFault(error)) throw error;
          });
      }
      const employee = { userId: Number(row.user_id), email: String(row.email) };
      confirmed.remember(tokenHash, employee, now);
      return employee;
    },

    /** Ends a session; tells whether it came from single sign-on (so the provider's sign-out can be offered). */
    async end(token: string): Promise<{ viaProvider: boolean }> {
      const tokenHash = await hasher.digest(token);
      confirmed.forget(tokenHash);
      const [ended] = await writes.write([
        { sql: "DELETE FROM sessions WHERE token_hash = ? RETURNING provider_session", args: [tokenHash] },
      ]);
      const row = ended?.rows[0];
      return { viaProvider: row !== undefined && row.provider_session !== null };
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
