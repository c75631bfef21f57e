import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeRules, randomDigits, temporaryCodes } from "../../functions/app/demo/temporary-codes.ts";
import { createWebHasher } from "../../functions/app/lib/crypto.ts";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const scope = "sandbox-1";
const user = "client-rivera";
const t0 = Date.UTC(2026, 10, 29, 9, 0);
const hour = 3600_000;

async function setUp() {
  const db = await createDb({
    url: `file:${join(scratchDir("codes"), "c.db")}`,
    authToken: undefined,
  });
  await migrate(db, readMigrations());
  await db.batch(
    [
      {
        sql: "INSERT INTO demo_sandboxes (id, client_hash, created_at, expires_at) VALUES (?, 'h', ?, ?)",
        args: [scope, t0, t0 + 48 * hour],
      },
      {
        sql: "INSERT INTO demo_users (sandbox_id, id, kind, name, username) VALUES (?, ?, 'client', 'Alex Rivera', 'arivera')",
        args: [scope, user],
      },
    ],
    "write",
  );
  return { db, codes: temporaryCodes({ db, hasher: createWebHasher("secret-for-temporary-code-tests-000") }) };
}

const wrongCode = (code: string) => String((Number(code) + 1) % 10 ** codeRules.digits).padStart(codeRules.digits, "0");

describe("temporary login codes", () => {
  it("are 8 digits, drawn uniformly: a draw in the biased tail is thrown away", () => {
    const draws = [4_294_967_295, 12_345_678];
    expect(
      randomDigits(8, (b) => {
        b[0] = draws.shift() ?? 0;
        return b;
      }),
    ).toBe("12345678");
    expect(randomDigits(8)).toMatch(/^\d{8}$/);
  });

  it("work until just before 24 hours after issue, and not at or after it", async () => {
    const { codes } = await setUp();
    const { code, expiresAt } = await codes.issue(scope, user, t0, { oneTime: false });
    expect(expiresAt).toBe(t0 + 24 * hour);
    expect((await codes.verify(scope, user, code, t0 + 24 * hour - 1)).kind).toBe("signed_in");
    expect(await codes.verify(scope, user, code, t0 + 24 * hour)).toEqual({
      kind: "expired",
      expiredAt: t0 + 24 * hour,
    });
  });

  it("stop working when a new one is issued, and say so", async () => {
    const { codes } = await setUp();
    const first = await codes.issue(scope, user, t0, { oneTime: false });
    const second = await codes.issue(scope, user, t0 + hour, { oneTime: false });
    expect((await codes.verify(scope, user, first.code, t0 + 2 * hour)).kind).toBe(
      first.code === second.code ? "signed_in" : "replaced",
    );
    expect((await codes.verify(scope, user, second.code, t0 + 2 * hour)).kind).toBe("signed_in");
  });

  it("lock after 5 wrong tries, counting down the tries left, and then refuse even the right code", async () => {
    const { codes } = await setUp();
    const { code } = await codes.issue(scope, user, t0, { oneTime: false });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await codes.verify(scope, user, wrongCode(code), t0 + i));
    expect(outcomes).toEqual([
      { kind: "wrong", triesLeft: 4 },
      { kind: "wrong", triesLeft: 3 },
      { kind: "wrong", triesLeft: 2 },
      { kind: "wrong", triesLeft: 1 },
      { kind: "locked" },
    ]);
    expect((await codes.verify(scope, user, code, t0 + 10)).kind).toBe("locked");
  });

  it("can be used many times within 24 hours, or once when issued as one-time", async () => {
    const { codes } = await setUp();
    const multi = await codes.issue(scope, user, t0, { oneTime: false });
    expect((await codes.verify(scope, user, multi.code, t0 + 1)).kind).toBe("signed_in");
    expect((await codes.verify(scope, user, multi.code, t0 + 2)).kind).toBe("signed_in");
    const once = await codes.issue(scope, user, t0 + 3, { oneTime: true });
    expect((await codes.verify(scope, user, once.code, t0 + 4)).kind).toBe("signed_in");
    expect((await codes.verify(scope, user, once.code, t0 + 5)).kind).toBe("used");
  });

  it("let only one of two simultaneous sign-ins use a one-time code", async () => {
    const { codes } = await setUp();
    const { code } = await codes.issue(scope, user, t0, { oneTime: true });
    const both = await Promise.all([codes.verify(scope, user, code, t0 + 1), codes.verify(scope, user, code, t0 + 1)]);
    expect(both.map((o) => o.kind).sort()).toEqual(["signed_in", "used"]);
  });

  it("stop working when revoked", async () => {
    const { codes } = await setUp();
    const { code } = await codes.issue(scope, user, t0, { oneTime: false });
    expect(await codes.revoke(scope, user, t0 + 1)).toBe(true);
    expect((await codes.verify(scope, user, code, t0 + 2)).kind).toBe("revoked");
    expect(await codes.revoke(scope, user, t0 + 3)).toBe(false);
  });

  it("are never stored in plain text, and the audit trail records every event", async () => {
    const { codes, db } = await setUp();
    const { code } = await codes.issue(scope, user, t0, { oneTime: false });
    await codes.verify(scope, user, wrongCode(code), t0 + 1);
    await codes.verify(scope, user, code, t0 + 2);
    await codes.status(scope, user, t0 + 25 * hour);
    const everything = JSON.stringify([
      (await db.execute("SELECT * FROM demo_codes")).rows,
      (await db.execute("SELECT * FROM demo_audit")).rows,
    ]);
    expect(everything).not.toContain(code);
    const events = (await db.execute("SELECT event FROM demo_audit ORDER BY id")).rows.map((r) => r.event);
    expect(events).toEqual(["issued", "failed", "used", "expired"]);
  });
});
