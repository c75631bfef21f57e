import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, startServerProcess } from "../../scripts/lib/server-process.ts";

const writers = 16;
const maxRequests = 5_000;
const loadMs = 1_500;

describe("durability", () => {
  it("keeps every submission answered with 2xx after the server is killed with SIGKILL and restarted", async () => {
    const databaseFile = join(scratchDir("durability"), "feedback.db");
    const env = { LIBSQL_URL: `file:${databaseFile}`, PUBLIC_SITE_DIR: fakeSiteDir(), FEEDBACK_RATE_LIMIT: "off" };
    const server = await startServerProcess(env);

    const accepted: string[] = [];
    let sent = 0;
    let stop = false;
    const writer = async (n: number) => {
      while (!stop && sent < maxRequests) {
        sent++;
        try {
          const response = await fetch(`${server.url}/api/feedback`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              topic: "temporary-login-code",
              rating: "good",
              comment: `writer ${n} request ${sent}`,
            }),
          });
          if (response.ok) accepted.push(((await response.json()) as { id: string }).id);
        } catch {
          // Requests in flight when the process dies fail; only answered ones count.
        }
      }
    };
    const load = Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
    await new Promise((resolve) => setTimeout(resolve, loadMs));
    server.child.kill("SIGKILL");
    await server.exited;
    stop = true;
    await load;
    expect(accepted.length).toBeGreaterThan(50);

    const restarted = await startServerProcess(env);
    const health = await fetch(`${restarted.url}/api/health`);
    expect(health.status).toBe(200);
    restarted.child.kill("SIGTERM");
    await restarted.exited;

    const db = createClient({ url: `file:${databaseFile}` });
    const stored = new Set((await db.execute("SELECT id FROM feedback")).rows.map((r) => String(r.id)));
    db.close();
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
  });
});
