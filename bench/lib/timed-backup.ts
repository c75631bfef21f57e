/**
 * What `npm run db:backup -- FILE` does to a file database, with the start of each of its phases
 * printed as a line of JSON (`{"phase":"check","at":…}`, `at` in epoch milliseconds) for
 * bench:backup, which lines them up with the writes it sends. It is started as npm starts
 * db:backup (under `nice -n 19`) and, like it, lowers every thread before anything else loads.
 * argv: database file, destination.
 */
import { lowestPriority } from "../../functions/node/process-priority.ts";

lowestPriority();
const { backupFile } = await import("../../functions/db/backup/file-backup.ts");
const [live, destination] = process.argv.slice(2);
if (!live || !destination) throw new Error("Usage: timed-backup.ts DATABASE DESTINATION");

const mark = (phase: string) => console.log(JSON.stringify({ phase, at: performance.timeOrigin + performance.now() }));
await backupFile(live, destination, { onPhase: mark, ownSession: true });
mark("done");
