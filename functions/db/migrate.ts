import type { Client } from "@libsql/client";

export interface Migration {
  /** The number in the file name, e.g. 1 for `0001_feedback.sql`. */
  version: number;
  name: string;
  sql: string;
}

const migrationFileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Turns `{ "0001_feedback.sql": "CREATE …" }` into migrations in order; refuses gaps and bad names. */
export function parseMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([file, sql]) => {
    const match = migrationFileName.exec(file);
    if (!match) throw new Error(`Migration file "${file}" must be named like 0001_what_it_does.sql`);
    return { version: Number(match[1]), name: match[2] ?? file, sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1)
      throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version} at place ${index + 1}`);
  });
  return migrations;
}

/** The record of which migrations a database has had. */
export const migrationsTableSql =
  "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

/** Applies the migrations not yet recorded, each in its own transaction with its record. */
export async function migrate(client: Client, migrations: readonly Migration[], now = Date.now): Promise<number[]> {
  await client.execute(migrationsTableSql);
  const applied = new Set(
    (await client.execute("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    const tx = await client.transaction("write");
    try {
      await tx.executeMultiple(migration.sql);
      await tx.execute({
        sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        args: [migration.version, migration.name, now()],
      });
      await tx.commit();
      newlyApplied.push(migration.version);
    } catch (error) {
      throw new Error(`Migration ${migration.version} (${migration.name}) failed`, { cause: error });
    } finally {
      tx.close();
    }
  }
  return newlyApplied;
}
