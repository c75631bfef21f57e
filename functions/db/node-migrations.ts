import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Migration, parseMigrations } from "./migrate.ts";

/** Where the numbered SQL files live, relative to the project (where npm runs every script). */
const defaultMigrationsDir = join("functions", "db", "migrations");

/** The numbered SQL files of a folder, read from disk (Node only; a runtime without a file system would bundle them). */
export function readMigrations(dir = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".sql"));
  return parseMigrations(Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8")])));
}
