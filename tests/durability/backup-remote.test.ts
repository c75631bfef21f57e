import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { restoreFile } from "../../functions/db/backup/restore.ts";
import { startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { runScript } from "../../scripts/lib/run-script.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { alter, migratedDatabase } from "../support/backup-fixtures.ts";

/** Every table's rows (integers as BigInt, so 1 and 1.0 differ), its schema and its counters. */
function contents(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name").all();
    const tables = schema.filter((o) => o.type === "table").map((o) => String(o.name));
    const rows = Object.fromEntries(
      tables.map((name) => {
        const read = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`);
        read.setReadBigInts(true);
        return [name, read.all()];
      }),
    );
    return { schema, rows };
  } finally {
    db.close();
  }
}

describe("npm run db:backup against a libSQL server", () => {
  it("exports every table, value and counter over the remote protocol into a file that restores", async () => {
    const dir = scratchDir("backup-remote");
    const source = await migratedDatabase(dir, { name: "server.db", feedback: 2_500 });
    alter(
      source,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
         INSERT INTO rate_limits (bucket, window_start, hits) SELECT 'feedback:' || (i % 7), i, i FROM n;
       CREATE TABLE odd_values (id INTEGER PRIMARY KEY AUTOINCREMENT, r REAL, b BLOB, big INTEGER, t TEXT);
       INSERT INTO odd_values (r, b, big, t) VALUES
         (1.0, x'00ff10', 9007199254740993, 'ünïcode ✓'), (NULL, NULL, -9223372036854775808, ''), (2.5, x'', 0, 'gone');
       DELETE FROM odd_values WHERE t = 'gone';`,
    );
    const original = contents(source);
    const tables = Object.keys(original.rows).filter((name) => name !== "sqlite_sequence");
    const rows = tables.reduce((sum, name) => sum + (original.rows[name]?.length ?? 0), 0);
    const endpoint = await startLibsqlHttpServer(source);
    try {
      const exported = await runScript("scripts/db-backup.ts", [join(dir, "export.db")], { LIBSQL_URL: endpoint.url });
      expect(exported.stderr).toBe("");
      expect(exported.stdout).toMatch(
        new RegExp(
          `^Exported http://127\\.0\\.0\\.1:\\d+ to .*export\\.db: ${tables.length} tables, ${rows} rows, [\\d.]+ [KM]B, schema \\d+, integrity ok`,
        ),
      );
    } finally {
      await endpoint.close();
    }
    expect(contents(join(dir, "export.db"))).toEqual(original);

    const restored = await restoreFile(join(dir, "export.db"), join(dir, "local", "help.db"));
    expect(contents(restored.file)).toEqual(original);
  });

  it("exports one snapshot while the server goes on writing", async () => {
    const dir = scratchDir("backup-remote");
    const source = await migratedDatabase(dir, { name: "server.db", feedback: 5_000 });
    const endpoint = await startLibsqlHttpServer(source);
    // Writes go through the server, as an app's would: a second SQLite library writing the same
    // file from this process would not see the server's locks (POSIX locks are per process).
    const writer = createClient({ url: endpoint.url });
    let written = 0;
    let exporting = true;
    const writing = (async () => {
      while (exporting) {
        await writer.execute({
          sql: "INSERT INTO feedback (id, topic, rating, client_hash, created_at, updated_at) VALUES (?, 'temporary-login-code', 'poor', 'c', ?, ?)",
          args: [`during-${written}`, Date.now(), Date.now()],
        });
        written++;
      }
    })();
    try {
      const exported = await runScript("scripts/db-backup.ts", [join(dir, "export.db")], { LIBSQL_URL: endpoint.url });
      expect(exported.status).toBe(0);
    } finally {
      exporting = false;
      await writing;
      writer.close();
      await endpoint.close();
    }
    const db = new DatabaseSync(join(dir, "export.db"), { readOnly: true });
    const rows = Number(db.prepare("SELECT count(*) AS n FROM feedback").get()?.n);
    const counted = Number(db.prepare("SELECT sum(responses) AS n FROM feedback_totals").get()?.n);
    db.close();
    expect(written).toBeGreaterThan(10);
    expect(rows).toBeGreaterThan(5_000);
    expect(rows).toBeLessThan(5_000 + written);
    expect(counted).toBe(rows);
  });

  it("sends an operator to the server's own restore instead of replacing a remote database", async () => {
    const refused = await runScript("scripts/db-restore.ts", ["backup.db"], {
      LIBSQL_URL: "libsql://help-example.turso.io",
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      "LIBSQL_URL names a libSQL server (libsql://help-example.turso.io): restore it with the server's own tools",
    );
  });
});
