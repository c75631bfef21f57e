import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Migration, parseMigrations } from "./migrate.ts";

const migrationsDir = join(import.meta.dirname, "migrations");

/** The numbered SQL files beside this module, read from disk (Node only). */
export function readMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".sql"));
  return parseMigrations(Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8")])));
}
