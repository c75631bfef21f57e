/**
 * Applies the numbered migrations to the database in LIBSQL_URL (a file, or a libSQL server
 * with LIBSQL_AUTH_TOKEN): the edge never migrates on its own.
 *   npm run db:migrate
 */
import { migrate } from "../functions/db/migrate.ts";
import { readMigrations } from "../functions/db/node-migrations.ts";
import { parseNodeConfig } from "../functions/node/config.ts";
import { openDb } from "../functions/node/deps.ts";

const { database } = parseNodeConfig(process.env);
const db = await openDb(database);
try {
  const applied = await migrate(db, readMigrations());
  console.log(
    applied.length > 0
      ? `Applied migrations ${applied.join(", ")} to ${database.url}.`
      : `${database.url} is up to date.`,
  );
} finally {
  db.close();
}
