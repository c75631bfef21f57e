import { existsSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, startServerProcess } from "../../scripts/lib/server-process.ts";

const writers = 32;
const maxRequests = 5_000;
const loadMs = 1_000;
const timeoutMs = 5_000;

type Outcome = { marker: string; status: number } | { marker: string; failed: string };

/** The server's log entries of one type (its stdout is one JSON object per line, after the start banner). */
const logEntries = (output: string, type: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.type === type);

describe("a clean shutdown", () => {
  it("answers every request in flight on SIGTERM, keeps every acknowledged write and exits within SHUTDOWN_TIMEOUT_MS", async () => {
    const databaseFile = join(scratchDir("shutdown"), "feedback.db");
    const server = await startServerProcess(
      {
        LIBSQL_URL: `file:${databaseFile}`,
        PUBLIC_SITE_DIR: fakeSiteDir(),
        FEEDBACK_RATE_LIMIT: "off",
        SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
      },
      { keepOutput: true },
    );
    const outcomes: Outcome[] = [];
    let sent = 0;
    let stop = false;
    const writer = async () => {
      while (!stop && sent < maxRequests) {
        const marker = `shutdown request ${++sent}`;
        try {
          const response = await fetch(`${server.url}/api/feedback`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ topic: "temporary-login-code", rating: "good", comment: marker }),
          });
          await response.arrayBuffer();
          outcomes.push({ marker, status: response.status });
        } catch (error) {
          // Only a request the server never took may fail: refused, or sent on a connection it had closed.
          const cause = (error as { cause?: { code?: string } }).cause;
          outcomes.push({ marker, failed: cause?.code ?? String(error) });
        }
      }
    };
    const load = Promise.all(Array.from({ length: writers }, writer));
    await new Promise((resolve) => setTimeout(resolve, loadMs));
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const code = await server.exited;
    const tookMs = Date.now() - signalled;
    stop = true;
    await load;

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(timeoutMs);
    const [started] = logEntries(server.output(), "server").filter((e) => e.event === "shutdown_started");
    const [finished] = logEntries(server.output(), "server").filter((e) => e.event === "shutdown_finished");
    // Requests were in flight when the signal came: this is what the test is about.
    expect(Number(started?.inFlight)).toBeGreaterThan(0);
    expect(finished).toMatchObject({ clean: true, answered: true, written: true, checkpointed: true });
    // No answer was cut short.
    expect(logEntries(server.output(), "request").filter((e) => e.aborted)).toEqual([]);

    const db = nodeSqliteClient(`file:${databaseFile}`);
    const stored = new Set((await db.execute("SELECT comment FROM feedback")).rows.map((row) => String(row.comment)));
    db.close();
    const answered = outcomes.filter((o) => "status" in o);
    const failed = outcomes.filter((o) => "failed" in o);
    expect(answered.length).toBeGreaterThan(50);
    expect(answered.filter((o) => o.status !== 201)).toEqual([]);
    // Every acknowledged write is in the database; nothing written went unanswered.
    expect(answered.filter((o) => !stored.has(o.marker))).toEqual([]);
    expect(failed.filter((o) => stored.has(o.marker))).toEqual([]);
    expect(stored.size).toBe(answered.length);
    // The WAL was checkpointed into the database file and emptied.
    const wal = `${databaseFile}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it("exits by SHUTDOWN_TIMEOUT_MS when a client never finishes its request, and says it was cut short", async () => {
    const shortTimeoutMs = 1_000;
    const server = await startServerProcess(
      {
        LIBSQL_URL: `file:${join(scratchDir("shutdown"), "stuck.db")}`,
        PUBLIC_SITE_DIR: fakeSiteDir(),
        SHUTDOWN_TIMEOUT_MS: String(shortTimeoutMs),
      },
      { keepOutput: true },
    );
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    socket.on("error", () => {});
    const closed = new Promise((resolve) => socket.once("close", resolve));
    // Headers and half the body promised: the request stays in flight until the server gives up on it.
    socket.write(
      "POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    await expect.poll(() => fetch(`${server.url}/api/health`).then((r) => r.status)).toBe(200);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const code = await server.exited;
    const tookMs = Date.now() - signalled;
    await closed;
    expect(code).toBe(1);
    expect(tookMs).toBeGreaterThanOrEqual(shortTimeoutMs - 300);
    expect(tookMs).toBeLessThan(shortTimeoutMs + 500);
    const [finished] = logEntries(server.output(), "server").filter((e) => e.event === "shutdown_finished");
    expect(finished).toMatchObject({ clean: false, answered: false, checkpointed: true });
  });
});
