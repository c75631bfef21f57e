import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";
import { makeReadOnly, smallFilesystem } from "../support/filesystem-faults.ts";

/** Short, so a lock held past it is quick to provoke; the default is 5 s. */
const waitMs = 400;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  id: string | undefined;
  ms: number;
}

const running: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
});

async function serve(databaseFile: string, url = `file:${databaseFile}`): Promise<ServerProcess> {
  const site = fakeSiteDir();
  writeFileSync(join(site, "index.html"), "<h1>Help center</h1>");
  const server = await startServerProcess({
    LIBSQL_URL: url,
    PUBLIC_SITE_DIR: site,
    FEEDBACK_RATE_LIMIT: "off",
    DB_WAIT_MS: String(waitMs),
  });
  running.push(async () => {
    server.child.kill("SIGKILL");
    await server.exited;
  });
  return server;
}

async function post(server: ServerProcess, comment: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${server.url}/api/feedback`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ topic: "temporary-login-code", rating: "good", comment }),
  });
  const body = (await response.json()) as { id?: string; error?: { code: string } };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    code: body.error?.code,
    id: body.id,
    ms: Date.now() - started,
  };
}

function expectUnavailable(answers: Answer[]): void {
  for (const answer of answers) {
    expect(answer.status).toBe(503);
    expect(answer.code).toBe("unavailable");
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  }
}

async function storedIds(databaseFile: string): Promise<Set<string>> {
  const db = createClient({ url: `file:${databaseFile}` });
  try {
    const integrity = await db.execute("PRAGMA integrity_check");
    expect(integrity.rows[0]?.[0]).toBe("ok");
    return new Set((await db.execute("SELECT id FROM feedback")).rows.map((r) => String(r.id)));
  } finally {
    db.close();
  }
}

/** Reads that need no database go on: the home page, liveness. */
async function expectReadsServed(server: ServerProcess): Promise<void> {
  expect((await fetch(`${server.url}/`)).status).toBe(200);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}

describe("database faults against the real server", () => {
  it("answers 503 while another connection holds the write lock past the wait, then writes again at once", async () => {
    const databaseFile = join(scratchDir("faults-lock"), "help.db");
    const server = await serve(databaseFile);
    const before = await post(server, "before the lock");
    expect(before.status).toBe(201);

    const other = createClient({ url: `file:${databaseFile}` });
    running.push(() => other.close());
    const lock = await other.transaction("write");
    await lock.execute("INSERT INTO readiness (id, checked_at) VALUES (1, 0) ON CONFLICT (id) DO NOTHING");

    const during = await Promise.all(Array.from({ length: 5 }, (_, i) => post(server, `during ${i}`)));
    expectUnavailable(during);
    for (const answer of during) expect(answer.ms).toBeLessThan(waitMs * 3 + 1000);
    const sandbox = await fetch(`${server.url}/api/demo/sandbox`, { method: "POST" });
    expect(sandbox.status).toBe(503);
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectReadsServed(server);

    await lock.rollback();
    lock.close();
    const after = await post(server, "after the lock");
    expect(after.status).toBe(201);
    expect((await fetch(`${server.url}/api/demo/sandbox`, { method: "POST" })).status).toBe(201);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    const stored = await storedIds(databaseFile);
    for (const id of [before.id, after.id]) expect(stored.has(id ?? "")).toBe(true);
    expect(stored.size).toBe(2);
  });

  it("answers 503 on a full disk, loses nothing it acknowledged, and writes again once space returns", async () => {
    const disk = smallFilesystem(4096);
    running.push(() => disk.release());
    const databaseFile = join(disk.dir, "help.db");
    const server = await serve(databaseFile);
    const acknowledged: string[] = [];
    const first = await post(server, "before the disk filled");
    expect(first.status).toBe(201);
    acknowledged.push(first.id ?? "");

    disk.fill();
    const long = "A comment long enough to need new pages of the write-ahead log. ".repeat(14);
    const during = await Promise.all(Array.from({ length: 30 }, (_, i) => post(server, `${i} ${long}`)));
    for (const answer of during) {
      expect([201, 503]).toContain(answer.status);
      if (answer.status === 201) acknowledged.push(answer.id ?? "");
    }
    expectUnavailable(during.filter((a) => a.status !== 201));
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(20);
    await expectReadsServed(server);

    disk.free();
    const after = await post(server, "after space returned");
    expect(after.status).toBe(201);
    acknowledged.push(after.id ?? "");

    const stored = await storedIds(databaseFile);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });

  it("answers 503 while the database files are read-only, and writes again once they are not", async () => {
    const databaseFile = join(process.cwd(), scratchDir("faults-read-only"), "help.db");
    const server = await serve(databaseFile);
    const first = await post(server, "before read-only");
    expect(first.status).toBe(201);

    const files = [databaseFile, `${databaseFile}-wal`];
    makeReadOnly(files, true);
    running.push(() => makeReadOnly(files, false));
    const during = await Promise.all(Array.from({ length: 5 }, (_, i) => post(server, `read-only ${i}`)));
    expectUnavailable(during);
    await expectReadsServed(server);

    makeReadOnly(files, false);
    const after = await post(server, "writable again");
    expect(after.status).toBe(201);
    const stored = await storedIds(databaseFile);
    for (const id of [first.id, after.id]) expect(stored.has(id ?? "")).toBe(true);
  });

  it("answers 503 while a libSQL server refuses connections or never answers, and writes again once it is back", async () => {
    const databaseFile = join(scratchDir("faults-remote"), "remote.db");
    const remote = await startLibsqlHttpServer(databaseFile);
    running.push(() => remote.close());
    const server = await serve(databaseFile, remote.url);
    const acknowledged: string[] = [];
    const write = async (comment: string) => {
      const answer = await post(server, comment);
      if (answer.status === 201) acknowledged.push(answer.id ?? "");
      return answer;
    };
    expect((await write("while the server answers")).status).toBe(201);

    await remote.refuse();
    const refused = await Promise.all(Array.from({ length: 5 }, (_, i) => write(`refused ${i}`)));
    expectUnavailable(refused);
    await expectReadsServed(server);
    await remote.heal();
    expect((await write("after the server came back")).status).toBe(201);

    remote.hang();
    const hung = await Promise.all(Array.from({ length: 5 }, (_, i) => write(`hung ${i}`)));
    expectUnavailable(hung);
    for (const answer of hung) expect(answer.ms).toBeLessThan(waitMs * 3 + 1000);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);
    await remote.heal();
    expect((await write("after the server answered again")).status).toBe(201);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    const stored = await storedIds(databaseFile);
    expect(acknowledged).toHaveLength(3);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
