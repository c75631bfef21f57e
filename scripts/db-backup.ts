/**
 * A verified copy of the database, taken while the server runs and writes:
 *   npm run db:backup -- FILE
 * A file database (LIBSQL_URL=file:…) is copied with SQLite's online backup, as it was when the
 * copy began; a libSQL server (LIBSQL_URL=libsql://… with LIBSQL_AUTH_TOKEN) is exported over
 * its own protocol into a local SQLite file, in one read transaction. Either way the copy must
 * pass integrity_check and match the schema of its version before it is written to FILE.
 */
import { backupFile } from "../functions/db/backup/file-backup.ts";
import { exportRemote } from "../functions/db/backup/remote-export.ts";
import { fileDbPath, isFileUrl } from "../functions/db/file-url.ts";
import { parseNodeConfig } from "../functions/node/config.ts";
import { readableBytes, runOnFile, shownUrl } from "./lib/command.ts";

await runOnFile("npm run db:backup -- FILE", async (file) => {
  const { database } = parseNodeConfig(process.env);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (isFileUrl(database.url)) {
    const copy = await backupFile(fileDbPath(database.url), file);
    console.log(
      `Backed up ${fileDbPath(database.url)} to ${copy.file}: ${readableBytes(copy.bytes)}, schema ${copy.version}, integrity ok (${seconds()} s).`,
    );
  } else {
    const copy = await exportRemote(database, file);
    console.log(
      `Exported ${shownUrl(database.url)} to ${copy.file}: ${copy.tables} tables, ${copy.rows} rows, ${readableBytes(copy.bytes)}, schema ${copy.version}, integrity ok (${seconds()} s).`,
    );
  }
  return 0;
});
