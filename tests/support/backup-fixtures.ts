import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";

/**
 * A help center database file in `dir`, migrated (up to `upTo`, default all) and holding
 * `feedback` answers, in WAL mode as the server leaves it.
 */
export async function migratedDatabase(
  dir: string,
  options: { name?: string; upTo?: number; feedback?: number } = {},
): Promise<string> {
  const file = join(dir, options.name ?? "help.db");
  const client = nodeSqliteClient(`file:${file}`, ["PRAGMA journal_mode = WAL"]);
  try {
    await migrate(
      client,
      readMigrations().filter((m) => m.version <= (options.upTo ?? Number.POSITIVE_INFINITY)),
    );
    await client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at)
            SELECT 'answer-' || i, 'temporary-login-code', 'good', 'Comment ' || i, 'client', 1764600000000 + i, 1764600000000 + i FROM n`,
      args: [options.feedback ?? 20],
    });
  } finally {
    client.close();
  }
  return file;
}

/** Overwrites the first bytes of the b-tree page of `object` (a table or index): integrity_check then fails. */
export function damagePage(file: string, object: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const root = Number(db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = ?").get(object)?.rootpage);
  const pageSize = Number(db.prepare("PRAGMA page_size").get()?.page_size);
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, (root - 1) * pageSize);
  closeSync(fd);
}

/** What a file holds, to tell whether it changed. */
export function fileDigest(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Runs `sql` on a database file and closes it. */
export function alter(file: string, sql: string): void {
  const db = new DatabaseSync(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/**
 * Makes the index `feedback_created` disagree with its table, its b-tree intact: its definition
 * names another column than the one its entries were made from. `PRAGMA quick_check` finds
 * nothing wrong with such a file; only the full `integrity_check` compares each row with its
 * index entries. Returns what quick_check says.
 */
export function misdefineIndex(file: string): string {
  const db = new DatabaseSync(file);
  try {
    db.enableDefensive(false);
    db.exec("PRAGMA writable_schema = ON");
    db.exec(
      "UPDATE sqlite_schema SET sql = 'CREATE INDEX feedback_created ON feedback (client_hash)' WHERE name = 'feedback_created'",
    );
    db.exec("PRAGMA writable_schema = OFF");
  } finally {
    db.close();
  }
  const reopened = new DatabaseSync(file, { readOnly: true });
  try {
    return String(reopened.prepare("PRAGMA quick_check").get()?.quick_check);
  } finally {
    reopened.close();
  }
}
