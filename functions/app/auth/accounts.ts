import type { Client } from "@libsql/client";
import { z } from "zod";
import { type PasswordHasher, passwordRules } from "./password.ts";

const emailSchema = z.email("Enter an e-mail address like name@example.com.").max(254).toLowerCase();
/**
 * An existing record's address, as `list` shows it. Not checked as an e-mail address: a single
 * sign-on record without a verified e-mail is named `subject@provider-host`, and a subject may
 * hold anything (Auth0's have "|").
 */
const existingSchema = z.string().trim().min(1, "Name the account as `list` shows it.").max(400).toLowerCase();
const passwordSchema = z
  .string()
  .min(passwordRules.minLength, `Use at least ${passwordRules.minLength} characters.`)
  .max(passwordRules.maxLength, `Use at most ${passwordRules.maxLength} characters.`);

export interface StaffAccount {
  id: number;
  email: string;
  createdAt: number;
  disabledAt: number | null;
  /** The identity provider it signs in with (single sign-on), if any. */
  issuer: string | null;
  name: string | null;
}

const toAccount = (row: Record<string, unknown>): StaffAccount => ({
  id: Number(row.id),
  email: String(row.email),
  createdAt: Number(row.created_at),
  disabledAt: row.disabled_at === null || row.disabled_at === undefined ? null : Number(row.disabled_at),
  issuer: typeof row.issuer === "string" ? row.issuer : null,
  name: typeof row.name === "string" ? row.name : null,
});

/** Enabled employee accounts: `npm start` says how to make the first when there is none. */
export async function countActiveStaff(db: Client): Promise<number> {
  return Number((await db.execute("SELECT count(*) AS n FROM staff_users WHERE disabled_at IS NULL")).rows[0]?.n ?? 0);
}

/** Employee accounts: what the `npm run staff` tool and sign-in need. */
export function staffAccounts(db: Client, passwords: Pick<PasswordHasher, "hash">, clock: () => number = Date.now) {
  return {
    async add(email: string, password: string): Promise<StaffAccount> {
      const address = emailSchema.parse(email);
      const hash = await passwords.hash(passwordSchema.parse(password));
      const result = await db.execute({
        sql: "INSERT INTO staff_users (email, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING *",
        args: [address, hash, clock()],
      });
      const row = result.rows[0];
      if (!row) throw new Error(`An account for ${address} exists already; use reset-password to change its password.`);
      return toAccount(row);
    },

    async list(): Promise<StaffAccount[]> {
      return (
        await db.execute("SELECT id, email, created_at, disabled_at, issuer, name FROM staff_users ORDER BY email")
      ).rows.map(toAccount);
    },

    /** Disabling also ends every session of the account, at once. */
    async disable(email: string): Promise<void> {
      const address = existingSchema.parse(email);
      const [updated] = await db.batch(
        [
          {
            sql: "UPDATE staff_users SET disabled_at = ? WHERE email = ? AND disabled_at IS NULL",
            args: [clock(), address],
          },
          {
            sql: "DELETE FROM sessions WHERE user_id IN (SELECT id FROM staff_users WHERE email = ?)",
            args: [address],
          },
        ],
        "write",
      );
      if (updated?.rowsAffected !== 1) throw new Error(`No active account for ${address}.`);
    },

    /**
     * Removes an account and its sessions for good: for an address that must be freed (a person
     * whose single sign-on e-mail is now this account's). Its marks on feedback stay, by name.
     */
    async remove(email: string): Promise<void> {
      const address = existingSchema.parse(email);
      const result = await db.execute({ sql: "DELETE FROM staff_users WHERE email = ?", args: [address] });
      if (result.rowsAffected !== 1) throw new Error(`No account for ${address}.`);
    },

    /** A new password ends every existing session of the account. */
    async resetPassword(email: string, password: string): Promise<void> {
      const address = emailSchema.parse(email);
      const hash = await passwords.hash(passwordSchema.parse(password));
      const [updated] = await db.batch(
        [
          {
            sql: "UPDATE staff_users SET password_hash = ?, disabled_at = NULL WHERE email = ?",
            args: [hash, address],
          },
          {
            sql: "DELETE FROM sessions WHERE user_id IN (SELECT id FROM staff_users WHERE email = ?)",
            args: [address],
          },
        ],
        "write",
      );
      if (updated?.rowsAffected !== 1) throw new Error(`No account for ${address}.`);
    },

    /** Replaces a hash that just matched with one of the current scheme (see PasswordHasher.needsRehash). */
    async replaceHash(id: number, hash: string): Promise<void> {
      await db.execute({ sql: "UPDATE staff_users SET password_hash = ? WHERE id = ?", args: [hash, id] });
    },

    /** The account to check a password against, or undefined (unknown or disabled). */
    async forSignIn(email: string): Promise<{ id: number; passwordHash: string } | undefined> {
      const row = (
        await db.execute({
          sql: "SELECT id, password_hash FROM staff_users WHERE email = ? AND disabled_at IS NULL",
          args: [email],
        })
      ).rows[0];
      return row ? { id: Number(row.id), passwordHash: String(row.password_hash) } : undefined;
    },
  };
}

export type StaffAccounts = ReturnType<typeof staffAccounts>;
