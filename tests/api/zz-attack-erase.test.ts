import { existsSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { dashboardTemplate } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const email = "triage@example.com";
const password = "triage password 2026";
const now = Date.UTC(2026, 10, 29, 12);
describe("attack: deletion for good while another connection reads", () => {
  it("deletes, then answers 500 with no audit line", async () => {
    const log = memoryLogger();
    const errors: unknown[] = [];
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate, log, onUnexpectedError: (e) => errors.push(e) });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    const secret = "Please call Ada Lovelace on the secret line";
    await test.db.execute({
      sql: `INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at)
            VALUES ('feedback-id-00000002', 'temporary-login-code', 'poor', ?, 'h', ?, ?)`,
      args: [secret, now - 1000, now - 1000],
    });
    await test.db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    // A reader in another process (a backup tool, litestream, the sqlite3 shell) holding a snapshot.
    const reader = new DatabaseSync(test.databaseFile);
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM feedback").get();
    const t = performance.now();
    const done = await test.app.request("/api/dashboard/comments/feedback-id-00000002/delete", {
      method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: "{}" });
    console.log("delete status", done.status, (performance.now() - t).toFixed(0), "ms", (await done.text()).slice(0, 200));
    console.log("row left", (await test.db.execute("SELECT count(*) AS n FROM feedback")).rows[0]?.n);
    console.log("audit lines", JSON.stringify(log.entries().map((e) => e.event)));
    console.log("secret on disk", [test.databaseFile, `${test.databaseFile}-wal`].filter(existsSync).some((f) => readFileSync(f).includes(secret)));
    const again = await test.app.request("/api/dashboard/comments/feedback-id-00000002/delete", {
      method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: "{}" });
    console.log("retry status", again.status);
    reader.exec("COMMIT");
    reader.close();
    expect(true).toBe(true);
  }, 30_000);
});
