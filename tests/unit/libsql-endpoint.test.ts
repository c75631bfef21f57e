import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

let endpoint: LibsqlHttpServer;

beforeAll(async () => {
  endpoint = await startLibsqlHttpServer(join(scratchDir("endpoint"), "e.db"));
});
afterAll(() => endpoint.close());

describe("the local libSQL endpoint, spoken to by @libsql/client/web", () => {
  it("runs the migrations in interactive transactions held by batons", async () => {
    const db = createClient({ url: endpoint.url });
    expect(await migrate(db, readMigrations())).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(db, readMigrations())).toEqual([]);
    db.close();
  });

  it("keeps value types and answers batches as transactions, rolled back whole when a step fails", async () => {
    const db = createClient({ url: endpoint.url });
    await db.executeMultiple(
      "CREATE TABLE kinds (i INTEGER, f REAL, t TEXT, b BLOB, n); CREATE TABLE one (x PRIMARY KEY);",
    );
    await db.execute({
      sql: "INSERT INTO kinds VALUES (?, ?, ?, ?, ?)",
      args: [42, 1.5, "text", new Uint8Array([1, 2]), null],
    });
    const row = (await db.execute("SELECT * FROM kinds")).rows[0];
    expect([row?.i, row?.f, row?.t, row?.n]).toEqual([42, 1.5, "text", null]);
    expect([...new Uint8Array(row?.b as ArrayBuffer)]).toEqual([1, 2]);
    const [inserted] = await db.batch([{ sql: "INSERT INTO one VALUES (?) RETURNING x", args: ["a"] }], "write");
    expect(inserted?.rows[0]?.x).toBe("a");
    await expect(db.batch(["INSERT INTO one VALUES ('b')", "INSERT INTO one VALUES ('a')"], "write")).rejects.toThrow(
      /UNIQUE/,
    );
    expect((await db.execute("SELECT x FROM one ORDER BY x")).rows.map((r) => r.x)).toEqual(["a"]);
    db.close();
  });
});
