/**
 * Puts a backup in place of the file database, with the server stopped:
 *   npm run db:restore -- FILE
 * Refused while any process has the database open (a running server, a backup), and refused
 * for a file that fails integrity_check or is not a help center database this version can run.
 * The database it replaces is kept beside it as `<name>.replaced-<time>`.
 */
import { restoreFile } from "../functions/db/backup/restore.ts";
import { fileDbPath, isFileUrl } from "../functions/db/file-url.ts";
import { schemaVersion } from "../functions/db/schema-version.ts";
import { parseNodeConfig } from "../functions/node/config.ts";
import { runOnFile, shownUrl } from "./lib/command.ts";

await runOnFile("npm run db:restore -- FILE", async (file) => {
  const { database } = parseNodeConfig(process.env);
  if (!isFileUrl(database.url)) {
    console.error(
      `LIBSQL_URL names a libSQL server (${shownUrl(database.url)}): restore it with the server's own tools (Turso: point-in-time restore), not db:restore. See the README's "Backups".`,
    );
    return 1;
  }
  const restored = await restoreFile(file, fileDbPath(database.url));
  console.log(`Restored ${file} into ${restored.file} (schema ${restored.version}, integrity ok).`);
  if (restored.replaced) console.log(`The database it replaced is kept as ${restored.replaced}.`);
  if (restored.version < schemaVersion) {
    console.log(`The server migrates it from schema ${restored.version} to ${schemaVersion} when it starts.`);
  }
  return 0;
});
