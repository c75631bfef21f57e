import type { Client, InStatement } from "@libsql/client";
import type { CodeStatus, IssuedCode, VerifyOutcome } from "../../../src/shared/demo-contract.ts";
import { constantTimeEqual, type Hasher } from "../lib/crypto.ts";

export type { CodeStatus, VerifyOutcome };

/**
 * Temporary login codes, written as a product needs them: a numeric code from the CSPRNG,
 * stored only as a keyed hash, valid for 24 hours from issue, replaced by the next one,
 * locked after 5 wrong tries, compared in constant time, every event audited. It knows
 * nothing of HTTP or of the demo: `scope` is whatever owns the users (a firm; here a sandbox).
 */

export const codeRules = {
  digits: 8,
  lifetimeMs: 24 * 3600_000,
  maxFailedAttempts: 5,
} as const;

export type AuditEvent = "issued" | "used" | "failed" | "locked" | "revoked" | "expired" | "replaced" | "refused";

/** A uniformly random string of `digits` digits: rejection sampling avoids a bias toward low codes. */
export function randomDigits(
  digits: number,
  random: (buffer: Uint32Array) => Uint32Array = (b) => crypto.getRandomValues(b),
): string {
  const range = 10 ** digits;
  if (range > 2 ** 32) throw new Error("At most 9 digits from one 32-bit draw");
  const limit = Math.floor(2 ** 32 / range) * range;
  const draw = new Uint32Array(1);
  for (;;) {
    const value = random(draw)[0] ?? 0;
    if (value < limit) return String(value % range).padStart(digits, "0");
  }
}

export interface TemporaryCodeDeps {
  db: Client;
  hasher: Hasher;
}

export function temporaryCodes({ db, hasher }: TemporaryCodeDeps) {
  const hashOf = (scope: string, userId: string, code: string) =>
    hasher.keyed("temporary-code", `${scope}\u0000${userId}\u0000${code}`);
  const audit = (
    scope: string,
    userId: string,
    event: AuditEvent,
    at: number,
    detail: string | null = null,
  ): InStatement => ({
    sql: "INSERT INTO demo_audit (sandbox_id, user_id, event, at, detail) VALUES (?, ?, ?, ?, ?)",
    args: [scope, userId, event, at, detail],
  });

  async function latest(scope: string, userId: string) {
    return (
      await db.execute({
        sql: "SELECT * FROM demo_codes WHERE sandbox_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1",
        args: [scope, userId],
      })
    ).rows[0];
  }

  /** Marks a code expired the first time anyone looks at it after its time, once. */
  async function settleExpiry(scope: string, userId: string, now: number): Promise<void> {
    await db.batch(
      [
        {
          sql: `INSERT INTO demo_audit (sandbox_id, user_id, event, at, detail)
                SELECT sandbox_id, user_id, 'expired', expires_at, NULL FROM demo_codes
                WHERE sandbox_id = ? AND user_id = ? AND status = 'active' AND expires_at <= ?`,
          args: [scope, userId, now],
        },
        {
          sql: "UPDATE demo_codes SET status = 'expired' WHERE sandbox_id = ? AND user_id = ? AND status = 'active' AND expires_at <= ?",
          args: [scope, userId, now],
        },
      ],
      "write",
    );
  }

  /**
   * Checks a code the user typed. Every try takes one of the code's 5 tries *before* the code is
   * compared, so simultaneous tries can never have more than 5 compared; a right code gives its
   * try back. The wrong try that takes the last one locks the code.
   */
  async function verify(scope: string, userId: string, typed: string, now: number): Promise<VerifyOutcome> {
    await settleExpiry(scope, userId, now);
    const current = await latest(scope, userId);
    if (!current) return { kind: "no_code" };
    const id = Number(current.id);
    const hash = await hashOf(scope, userId, typed);
    const matches = constantTimeEqual(hash, String(current.code_hash));
    const refused = async (outcome: VerifyOutcome) => {
      await db.execute(audit(scope, userId, "refused", now, outcome.kind));
      return outcome;
    };

    switch (current.status) {
      case "locked":
        return refused({ kind: "locked" });
      case "revoked":
        return refused({ kind: "revoked" });
      case "expired":
        return refused({ kind: "expired", expiredAt: Number(current.expires_at) });
      case "used":
        return refused(matches ? { kind: "used" } : { kind: "no_code" });
    }

    const [reserved] = await db.batch(
      [
        {
          sql: `UPDATE demo_codes SET failed_attempts = failed_attempts + 1
                WHERE id = ? AND status = 'active' AND failed_attempts < ? RETURNING failed_attempts`,
          args: [id, codeRules.maxFailedAttempts],
        },
      ],
      "write",
    );
    const tries = reserved?.rows[0];
    // No try left to take: other tries in flight hold them all, or the code changed meanwhile.
    if (!tries) {
      const after = await latest(scope, userId);
      return Number(after?.id) === id && after?.status === "active"
        ? refused({ kind: "locked" })
        : verify(scope, userId, typed, now);
    }

    if (matches) {
      const oneTime = Number(current.one_time) === 1;
      const [claimed] = await db.batch(
        [
          {
            // Gives the try back; a one-time code is claimed by the one sign-in whose update lands.
            sql: `UPDATE demo_codes SET failed_attempts = failed_attempts - 1,
                    status = CASE WHEN ? THEN 'used' ELSE status END, used_at = CASE WHEN ? THEN ? ELSE used_at END
                  WHERE id = ? AND status = 'active'`,
            args: [oneTime ? 1 : 0, oneTime ? 1 : 0, now, id],
          },
        ],
        "write",
      );
      if (!claimed?.rowsAffected) return refused({ kind: oneTime ? "used" : "locked" });
      await db.execute(audit(scope, userId, "used", now, oneTime ? "one-time" : "multi-use"));
      return { kind: "signed_in", oneTime, expiresAt: Number(current.expires_at) };
    }

    const older = await db.execute({
      sql: "SELECT code_hash FROM demo_codes WHERE sandbox_id = ? AND user_id = ? AND status = 'replaced'",
      args: [scope, userId],
    });
    if (older.rows.some((r) => constantTimeEqual(hash, String(r.code_hash)))) {
      // An honest mistake (the user kept the old message): it costs no try.
      await db.execute({ sql: "UPDATE demo_codes SET failed_attempts = failed_attempts - 1 WHERE id = ?", args: [id] });
      return refused({ kind: "replaced" });
    }
    const failed = Number(tries.failed_attempts);
    await db.execute(audit(scope, userId, "failed", now, `${failed} of ${codeRules.maxFailedAttempts}`));
    if (failed >= codeRules.maxFailedAttempts) {
      await db.batch(
        [
          { sql: "UPDATE demo_codes SET status = 'locked' WHERE id = ? AND status = 'active'", args: [id] },
          audit(scope, userId, "locked", now),
        ],
        "write",
      );
      return { kind: "locked" };
    }
    return { kind: "wrong", triesLeft: codeRules.maxFailedAttempts - failed };
  }

  return {
    /** Issues a new code; any earlier live code of the user stops working. The plaintext is returned once, here. */
    async issue(scope: string, userId: string, now: number, options: { oneTime: boolean }): Promise<IssuedCode> {
      const code = randomDigits(codeRules.digits);
      const expiresAt = now + codeRules.lifetimeMs;
      await settleExpiry(scope, userId, now);
      const [replaced] = await db.batch(
        [
          {
            sql: "UPDATE demo_codes SET status = 'replaced' WHERE sandbox_id = ? AND user_id = ? AND status = 'active'",
            args: [scope, userId],
          },
          {
            sql: `INSERT INTO demo_codes (sandbox_id, user_id, code_hash, issued_at, expires_at, one_time, status)
                  VALUES (?, ?, ?, ?, ?, ?, 'active')`,
            args: [scope, userId, await hashOf(scope, userId, code), now, expiresAt, options.oneTime ? 1 : 0],
          },
          audit(scope, userId, "issued", now, options.oneTime ? "one-time" : "multi-use"),
        ],
        "write",
      );
      if (replaced && replaced.rowsAffected > 0) await db.execute(audit(scope, userId, "replaced", now));
      return { code, expiresAt, oneTime: options.oneTime };
    },

    async revoke(scope: string, userId: string, now: number): Promise<boolean> {
      await settleExpiry(scope, userId, now);
      const [revoked] = await db.batch(
        [
          {
            sql: "UPDATE demo_codes SET status = 'revoked' WHERE sandbox_id = ? AND user_id = ? AND status = 'active'",
            args: [scope, userId],
          },
        ],
        "write",
      );
      if (!revoked?.rowsAffected) return false;
      await db.execute(audit(scope, userId, "revoked", now));
      return true;
    },

    async status(scope: string, userId: string, now: number): Promise<CodeStatus | undefined> {
      await settleExpiry(scope, userId, now);
      const row = await latest(scope, userId);
      if (!row) return undefined;
      return {
        state: row.status as CodeStatus["state"],
        issuedAt: Number(row.issued_at),
        expiresAt: Number(row.expires_at),
        oneTime: Number(row.one_time) === 1,
        triesLeft: Math.max(0, codeRules.maxFailedAttempts - Number(row.failed_attempts)),
      };
    },

    verify,
  };
}

export type TemporaryCodes = ReturnType<typeof temporaryCodes>;
