import type { Client } from "@libsql/client";
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

/** Server-side sessions: the browser holds a random token, the database only its hash. */
export function sessionStore(deps: SessionDeps) {
  const { db, writes, hasher, clock, policy } = deps;
  return {
    async create(userId: number): Promise<string> {
      const token = randomToken(32);
      const now = clock();
      await writes.write([
        {
          sql: "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
          args: [await hasher.digest(token), userId, now, now],
        },
      ]);
      return token;
    },

    /** The employee behind a token, if the session is live and the account enabled. */
    async find(token: string): Promise<Employee | undefined> {
      const now = clock();
      const tokenHash = await hasher.digest(token);
      const row = (
        await db.execute({
          sql: `SELECT s.user_id, s.created_at, s.last_seen_at, u.email FROM sessions s
                JOIN staff_users u ON u.id = s.user_id AND u.disabled_at IS NULL
                WHERE s.token_hash = ?`,
          args: [tokenHash],
        })
      ).rows[0];
      if (!row) return undefined;
      const lastSeen = Number(row.last_seen_at);
      if (now - lastSeen >= policy.idleMs || now - Number(row.created_at) >= policy.absoluteMs) {
        await writes.write([{ sql: "DELETE FROM sessions WHERE token_hash = ?", args: [tokenHash] }]);
        return undefined;
      }
      if (now - lastSeen > touchEveryMs) {
        await writes.write([
          { sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", args: [now, tokenHash] },
        ]);
      }
      return { userId: Number(row.user_id), email: String(row.email) };
    },

    async end(token: string): Promise<void> {
      await writes.write([{ sql: "DELETE FROM sessions WHERE token_hash = ?", args: [await hasher.digest(token)] }]);
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
