import { Worker } from "node:worker_threads";
import { appliedVersionSql, schemaVersion } from "../schema-version.ts";
import { expectedSchemaObjects, schemaObjectsSql } from "./expected-schema.ts";

/** What a look inside a copy found. */
export type CopyInspection =
  | { readable: false; error: string }
  | { readable: true; damage: string[]; objects: string[]; version: number | undefined };

/**
 * Runs on a thread of its own, at the lowest CPU priority (Linux gives each thread its own): a
 * backup takes what the server leaves, never the reverse. Copying a million rows and checking
 * them is seconds of work, which must not hold up the server's requests during a scheduled backup.
 *
 * The copy is `VACUUM INTO`: one statement in one read transaction, so the copy is the database
 * as it was when it began, while the server goes on writing (in WAL mode readers never block
 * writers). SQLite's online backup API (`backup()` of node:sqlite) would copy the same snapshot,
 * but its steps run on libuv's thread pool, which cannot be given a lower priority and which the
 * server needs for its own syncs (measured: README, "Backups").
 *
 * The copy is then made one self-contained file (rollback journal, not WAL), so that opening it
 * later never leaves a `-wal` or `-shm` file beside it, and checked.
 */
const workerSource = `
const { DatabaseSync } = require("node:sqlite");
const { setPriority } = require("node:os");
const { workerData, parentPort } = require("node:worker_threads");
try { setPriority(19); } catch {}
const copy = () => {
  const source = new DatabaseSync(workerData.copyFrom, { timeout: 5000 });
  try { source.prepare("VACUUM INTO ?").run(workerData.path); }
  catch (error) { error.inCopy = true; throw error; }
  finally { source.close(); }
};
let db;
try {
  if (workerData.copyFrom) copy();
  db = new DatabaseSync(workerData.path, { timeout: 5000 });
  db.exec("PRAGMA journal_mode = DELETE");
  const damage = db.prepare("PRAGMA integrity_check(10)").all()
    .map((row) => String(row.integrity_check)).filter((message) => message !== "ok");
  const objects = db.prepare(workerData.objectsSql).all().map((row) => String(row.object));
  const version = objects.includes("table schema_migrations")
    ? Number(db.prepare(workerData.versionSql).get().version) : undefined;
  parentPort.postMessage({ readable: true, damage, objects, version });
} catch (error) {
  if (error.inCopy) parentPort.postMessage({ copyFailed: error.message });
  // SQLITE_CORRUPT: a page so broken that the check itself stops there.
  else if ((error.errcode & 0xff) === 11) parentPort.postMessage({ readable: true, damage: [error.message], objects: [] });
  else parentPort.postMessage({ readable: false, error: error.message });
} finally {
  if (db && db.isOpen) db.close();
}
`;

/** The database could not be copied at all (it is damaged, the disk is full…). */
export class CopyFailed extends Error {
  override name = "CopyFailed";
}

/**
 * Opens the copy at `path` on a worker thread and reports what it holds; with `copyFrom`, first
 * makes it there as a copy of that database.
 */
export function inspectCopy(path: string, copyFrom?: string): Promise<CopyInspection> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { path, copyFrom, objectsSql: schemaObjectsSql, versionSql: appliedVersionSql },
    });
    worker.once("message", (outcome: CopyInspection | { copyFailed: string }) => {
      if ("copyFailed" in outcome) reject(new CopyFailed(`the database could not be copied (${outcome.copyFailed})`));
      else resolve(outcome);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The check of ${path} stopped (exit ${code})`)));
  });
}

/** A copy this help center can run on, at schema `version`, or what is wrong with it in words. */
export type CopyVerdict = { usable: true; version: number } | { usable: false; problem: string };

export function judgeCopy(inspection: CopyInspection, appVersion = schemaVersion): CopyVerdict {
  const refuse = (problem: string): CopyVerdict => ({ usable: false, problem });
  if (!inspection.readable) return refuse(`it is not a readable SQLite database (${inspection.error})`);
  if (inspection.damage.length > 0) {
    return refuse(`it is damaged; integrity_check reports: ${inspection.damage.slice(0, 3).join("; ")}`);
  }
  const { version } = inspection;
  if (version === undefined || version < 1) {
    return refuse("it is not a help center database (it has no migrations recorded in schema_migrations)");
  }
  if (version > appVersion) {
    return refuse(
      `it was made by a newer version of the help center (schema ${version}; this one knows up to ${appVersion}): update the help center first`,
    );
  }
  const present = new Set(inspection.objects);
  const missing = [...expectedSchemaObjects(version)].filter((object) => !present.has(object));
  if (missing.length > 0) {
    return refuse(`its schema is not the one of version ${version}: it lacks ${missing.slice(0, 5).join(", ")}`);
  }
  return { usable: true, version };
}
