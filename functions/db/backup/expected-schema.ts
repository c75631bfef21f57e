import { DatabaseSync } from "node:sqlite";
import { migrationsTableSql } from "../migrate.ts";
import { readMigrations } from "../node-migrations.ts";

/** Objects of a database's schema as `type name` (`table feedback`), SQLite's own left out. */
export const schemaObjectsSql =
  "SELECT type || ' ' || name AS object FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

const byVersion = new Map<number, Set<string>>();

/**
 * The tables, indexes, triggers and views a database at schema `version` has: the migrations up
 * to it applied to an empty database in memory (a few milliseconds, once per version).
 */
export function expectedSchemaObjects(version: number): Set<string> {
  const known = byVersion.get(version);
  if (known) return known;
  const db = new DatabaseSync(":memory:");
  try {
    db.exec(migrationsTableSql);
    for (const migration of readMigrations().filter((m) => m.version <= version)) db.exec(migration.sql);
    const objects = new Set(
      db
        .prepare(schemaObjectsSql)
        .all()
        .map((row) => String(row.object)),
    );
    byVersion.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}
