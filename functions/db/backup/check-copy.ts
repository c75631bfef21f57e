import { appliedVersionSql, schemaVersion } from "../schema-version.ts";
import { type BackupPhase, type CopyProcess, type CopyProcessOutcome, startCopyProcess } from "./copy-process.ts";
import { expectedSchemaObjects, schemaObjectsSql } from "./expected-schema.ts";

/** What a look inside a copy found. */
export type CopyInspection = Exclude<CopyProcessOutcome, { copyFailed: string }>;

/** The database could not be copied at all (it is damaged, the disk is full…). */
export class CopyFailed extends Error {
  override name = "CopyFailed";
}

/** Who starts a check, and who watches it. */
export interface CheckOptions {
  /** The caller runs in a session of its own, not the server's (copy-process.ts says why it matters). */
  ownSession?: boolean;
  onPhase?: (phase: BackupPhase) => void;
}

/**
 * Starts the process (copy-process.ts) that checks the copy at `path`, and with `copyFrom` first
 * makes it there as a copy of that database.
 */
export function startCheck(path: string, copyFrom?: string, options: CheckOptions = {}): CopyProcess {
  const job = { path, copyFrom, objectsSql: schemaObjectsSql, versionSql: appliedVersionSql };
  return startCopyProcess({ ...job, ownSession: options.ownSession ?? false }, options.onPhase);
}

/** What the process found inside the copy; `CopyFailed` when it could not make it. */
export async function inspection(check: CopyProcess): Promise<CopyInspection> {
  const outcome = await check.outcome;
  if ("copyFailed" in outcome) throw new CopyFailed(`the database could not be copied (${outcome.copyFailed})`);
  return outcome;
}

/** Looks inside the copy at `path` in a process of its own and reports what it holds. */
export async function inspectCopy(path: string): Promise<CopyInspection> {
  const check = startCheck(path);
  try {
    return await inspection(check);
  } finally {
    check.end();
  }
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
