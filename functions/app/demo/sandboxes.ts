import type { Client } from "@libsql/client";
import type { SandboxState } from "../../../src/shared/demo-contract.ts";
import type { WriteQueue } from "../../db/write-queue.ts";
import { type Hasher, randomToken } from "../lib/crypto.ts";
import { type RateLimitRule, take } from "../lib/limiter.ts";
import { type TemporaryCodes, temporaryCodes } from "./temporary-codes.ts";

/** The fictional people of every sandbox: clients (NetClient CS) and staff members (NetStaff CS). */
const demoPeople = [
  { id: "client-rivera", kind: "client", name: "Alex Rivera", username: "arivera" },
  { id: "client-okafor", kind: "client", name: "Chidi Okafor", username: "cokafor" },
  { id: "staff-patel", kind: "staff", name: "Sam Patel", username: "spatel" },
  { id: "staff-lindqvist", kind: "staff", name: "Maja Lindqvist", username: "mlindqvist" },
] as const;

export const sandboxRules = {
  lifetimeMs: 48 * 3600_000,
  /** New sandboxes per client. */
  creation: { max: 20, windowMs: 3600_000 } satisfies RateLimitRule,
} as const;

export interface SandboxDeps {
  db: Client;
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
}

/** Sandboxes: who owns which, their clock, their people. The code logic itself is temporary-codes.ts. */
export function demoSandboxes(deps: SandboxDeps) {
  const { db, hasher, clock } = deps;
  const codes: TemporaryCodes = temporaryCodes({ db, hasher });

  /** The sandbox behind an id, with its own clock; undefined when unknown or expired. */
  async function open(id: string | undefined) {
    if (!id) return undefined;
    const row = (
      await db.execute({ sql: "SELECT * FROM demo_sandboxes WHERE id = ? AND expires_at > ?", args: [id, clock()] })
    ).rows[0];
    if (!row) return undefined;
    return { id, now: clock() + Number(row.clock_offset_ms), expiresAt: Number(row.expires_at) };
  }
  type Sandbox = NonNullable<Awaited<ReturnType<typeof open>>>;

  async function hasUser(sandbox: Sandbox, userId: string): Promise<boolean> {
    const found = await db.execute({
      sql: "SELECT 1 FROM demo_users WHERE sandbox_id = ? AND id = ?",
      args: [sandbox.id, userId],
    });
    return found.rows.length === 1;
  }

  return {
    open,
    hasUser,
    codes,

    /** A new sandbox for a client, unless it made too many lately. Expired ones are cleared by housekeeping. */
    async create(clientAddress: string): Promise<{ id: string } | { retryAfterSeconds: number }> {
      const now = clock();
      const clientHash = await hasher.keyed("client", clientAddress);
      const taken = await take(deps.writes, [{ rule: sandboxRules.creation, bucket: `demo:${clientHash}` }], now);
      if (!taken.allowed) return { retryAfterSeconds: taken.retryAfterSeconds };
      const id = randomToken(16);
      await deps.writes.write([
        {
          sql: "INSERT INTO demo_sandboxes (id, client_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
          args: [id, clientHash, now, now + sandboxRules.lifetimeMs],
        },
        ...demoPeople.map((p) => ({
          sql: "INSERT INTO demo_users (sandbox_id, id, kind, name, username) VALUES (?, ?, ?, ?, ?)",
          args: [id, p.id, p.kind, p.name, p.username],
        })),
      ]);
      return { id };
    },

    async state(sandbox: Sandbox): Promise<SandboxState> {
      const users = await db.execute({
        sql: "SELECT * FROM demo_users WHERE sandbox_id = ? ORDER BY kind, name",
        args: [sandbox.id],
      });
      const audit = await db.execute({
        sql: "SELECT event, user_id, at, detail FROM demo_audit WHERE sandbox_id = ? ORDER BY id DESC LIMIT 50",
        args: [sandbox.id],
      });
      return {
        now: sandbox.now,
        expiresAt: sandbox.expiresAt,
        users: await Promise.all(
          users.rows.map(async (u) => ({
            id: String(u.id),
            kind: u.kind === "staff" ? ("staff" as const) : ("client" as const),
            name: String(u.name),
            username: String(u.username),
            devicePaired: Number(u.device_paired) === 1,
            code: await codes.status(sandbox.id, String(u.id), sandbox.now),
          })),
        ),
        audit: audit.rows.map((a) => ({
          event: String(a.event),
          userId: a.user_id === null ? null : String(a.user_id),
          at: Number(a.at),
          detail: a.detail === null ? null : String(a.detail),
        })),
      };
    },

    async advanceClock(sandbox: Sandbox, ms: number): Promise<void> {
      await db.execute({
        sql: "UPDATE demo_sandboxes SET clock_offset_ms = clock_offset_ms + ? WHERE id = ?",
        args: [ms, sandbox.id],
      });
    },

    async setDevice(sandbox: Sandbox, userId: string, paired: boolean): Promise<void> {
      await db.execute({
        sql: "UPDATE demo_users SET device_paired = ? WHERE sandbox_id = ? AND id = ?",
        args: [paired ? 1 : 0, sandbox.id, userId],
      });
    },

    async userByName(sandbox: Sandbox, username: string): Promise<string | undefined> {
      const row = (
        await db.execute({
          sql: "SELECT id FROM demo_users WHERE sandbox_id = ? AND username = ?",
          args: [sandbox.id, username.trim().toLowerCase()],
        })
      ).rows[0];
      return row ? String(row.id) : undefined;
    },
  };
}

export type DemoSandboxes = ReturnType<typeof demoSandboxes>;
