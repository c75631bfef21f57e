import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { feedbackLoad } from "../../scripts/lib/feedback-load.ts";
import { runScript } from "../../scripts/lib/run-script.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";

const backUp = (file: string, env: Record<string, string>) => runScript("scripts/db-backup.ts", [file], env);
const restore = (file: string, env: Record<string, string>) => runScript("scripts/db-restore.ts", [file], env);

async function stop(server: ServerProcess) {
  server.child.kill("SIGTERM");
  await server.exited;
}

/** Feedback ids in a database file, and whether its rollups agree with its rows (a torn copy would not). */
function readFeedback(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const ids = new Set(
      db
        .prepare("SELECT id FROM feedback")
        .all()
        .map((row) => String(row.id)),
    );
    const counted = db.prepare("SELECT coalesce(sum(responses), 0) AS n FROM feedback_totals").get()?.n;
    const integrity = db.prepare("PRAGMA integrity_check").get()?.integrity_check;
    return { ids, rollupsAgree: Number(counted) === ids.size, integrity };
  } finally {
    db.close();
  }
}

function newDatabase() {
  const dir = scratchDir("backup-restore");
  const live = join(dir, "help.db");
  const env = { LIBSQL_URL: `file:${live}`, PUBLIC_SITE_DIR: fakeSiteDir(), FEEDBACK_RATE_LIMIT: "off" };
  return { dir, live, env };
}

describe("npm run db:backup and db:restore", () => {
  it("backs up under 500 writes a second every write answered before the backup began, and restores it", async () => {
    const { dir, live, env } = newDatabase();
    const server = await startServerProcess(env);
    const load = feedbackLoad(server.url, { perSecond: 500, maxRequests: 4_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const backupBegan = performance.now();
    const backup = await backUp(join(dir, "backup.db"), env);
    const backupEnded = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load.stop();
    await stop(server);

    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Backed up .*help\.db to .*backup\.db: .*, schema \d+, integrity ok/);
    // A write answered 503 (a busy machine) is not acknowledged, and so not owed to the backup.
    const answered = load.writes.filter((w) => w.status === 201);
    const before = answered.filter((w) => w.answeredAt < backupBegan);
    expect(before.length).toBeGreaterThan(100);
    // The server went on writing while the copy was taken.
    expect(answered.some((w) => w.sentAt > backupBegan && w.answeredAt < backupEnded)).toBe(true);

    const copy = readFeedback(join(dir, "backup.db"));
    expect(copy.integrity).toBe("ok");
    expect(copy.rollupsAgree).toBe(true);
    expect(before.map((w) => w.id).filter((id) => !copy.ids.has(String(id)))).toEqual([]);

    const restored = await restore(join(dir, "backup.db"), env);
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toContain(`Restored ${join(dir, "backup.db")} into ${live}`);
    const kept = /kept as (\S+)\.$/m.exec(restored.stdout)?.[1] ?? "";
    expect(kept.startsWith(`${live}.replaced-`)).toBe(true);
    // The database it replaced has every write the server answered, its log folded in.
    const replaced = readFeedback(kept);
    expect(answered.map((w) => w.id).filter((id) => !replaced.ids.has(String(id)))).toEqual([]);
    expect(existsSync(`${kept}-wal`)).toBe(false);
    expect(readFeedback(live).ids).toEqual(copy.ids);

    const again = await startServerProcess(env);
    const health = await fetch(`${again.url}/api/ready`);
    const more = await fetch(`${again.url}/api/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topic: "temporary-login-code", rating: "poor" }),
    });
    await stop(again);
    expect(health.status).toBe(200);
    expect(more.status).toBe(201);
    expect(readFeedback(live).ids.size).toBe(copy.ids.size + 1);
  });

  it("refuses to restore while the server has the database open, and changes nothing", async () => {
    const { dir, live, env } = newDatabase();
    const server = await startServerProcess(env);
    try {
      expect((await backUp(join(dir, "backup.db"), env)).status).toBe(0);
      const refused = await restore(join(dir, "backup.db"), env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${live} is open in another process (a running server`);
      expect(readdirSync(dir).filter((name) => name.includes("replaced") || name.includes("partial"))).toEqual([]);
      const after = await fetch(`${server.url}/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ topic: "temporary-login-code", rating: "good" }),
      });
      expect(after.status).toBe(201);
    } finally {
      await stop(server);
    }
  });
});
