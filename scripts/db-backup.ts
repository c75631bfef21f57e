/**
 * A verified copy of the database, taken while the server runs and writes:
 *   npm run db:backup -- FILE
 * A file database (LIBSQL_URL=file:…) is copied with `VACUUM INTO`, as it was when the copy
 * began; a libSQL server (LIBSQL_URL=libsql://… with LIBSQL_AUTH_TOKEN) is exported over its own
 * protocol into a local SQLite file, in one read transaction. Either way the copy must pass
 * integrity_check and match the schema of its version before it is written to FILE.
 */
import { lowestPriority } from "../functions/node/process-priority.ts";

// The whole tool runs at the lowest CPU priority: lowered before the rest of it loads (loading
// is CPU work too) and before libuv's thread pool starts, whose threads then inherit it. npm
// starts it under `nice` already; this covers `node scripts/db-backup.ts` run directly.
lowestPriority();
const { backupFile } = await import("../functions/db/backup/file-backup.ts");
const { fileDbPath, isFileUrl } = await import("../functions/db/file-url.ts");
const { parseNodeConfig } = await import("../functions/node/config.ts");
const { readableBytes, runOnFile, shownUrl } = await import("./lib/command.ts");

await runOnFile("npm run db:backup -- FILE", async (file) => {
  const { database } = parseNodeConfig(process.env);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (isFileUrl(database.url)) {
    // Run by hand, from a session other than the server's.
    const copy = await backupFile(fileDbPath(database.url), file, { ownSession: true });
    console.log(
      `Backed up ${fileDbPath(database.url)} to ${copy.file}: ${readableBytes(copy.bytes)}, schema ${copy.version}, integrity ok (${seconds()} s).`,
    );
  } else {
    // Loaded only here: the libSQL client is most of what the tool would load, at 0.2 s of CPU.
    const { exportRemote } = await import("../functions/db/backup/remote-export.ts");
    const copy = await exportRemote(database, file);
    console.log(
      `Exported ${shownUrl(database.url)} to ${copy.file}: ${copy.tables} tables, ${copy.rows} rows, ${readableBytes(copy.bytes)}, schema ${copy.version}, integrity ok (${seconds()} s).`,
    );
  }
  return 0;
});
