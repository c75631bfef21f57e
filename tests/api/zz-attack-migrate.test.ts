import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { housekeeping } from "../../functions/app/housekeeping.ts";
import { countHit } from "../../functions/app/lib/limiter.ts";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

describe("attack: migration 0011 on a database with rows", () => {
  it("migrates and prunes", async () => {
    const file = join(scratchDir("zz-migrate"), "old.db");
    const db = await createDb({ url: `file:${file}`, authToken: undefined });
    const all = readMigrations();
    await migrate(db, all.filter((m) => m.version <= 10));
    const now = Date.now();
    for (let i = 0; i < 50; i++) await db.execute({ sql: "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 3)", args: [`b${i}`, now - i * 3600_000] });
    await db.execute({ sql: "INSERT INTO staff_users (email, password_hash, created_at, issuer, subject) VALUES ('a@x.com','',0,'iss','s1')", args: [] });
    await db.execute({ sql: "INSERT INTO sso_attempts VALUES ('h','v','n','/',?)", args: [now - 3600_000] });
    console.log("applied", await migrate(db, all));
    console.log("cols", JSON.stringify((await db.execute("PRAGMA table_info(rate_limits)")).rows.map((r) => r.name)));
    const hit = countHit({ rule: { max: 5, windowMs: 3600_000 }, bucket: "b0" }, now);
    await db.execute(hit);
    console.log(JSON.stringify((await db.execute("SELECT * FROM rate_limits WHERE bucket='b0'")).rows));
    console.log("tidied", JSON.stringify(await housekeeping(db, now)));
    console.log("left", (await db.execute("SELECT count(*) n FROM rate_limits")).rows[0]?.n);
    db.close();
    expect(true).toBe(true);
  });
});
