import { LibsqlError } from "@libsql/client";

/** SQLite's base result codes by number (sqlite.org/rescode.html), as @libsql/client names them. */
const baseCodeNames = [
  "OK",
  "ERROR",
  "INTERNAL",
  "PERM",
  "ABORT",
  "BUSY",
  "LOCKED",
  "NOMEM",
  "READONLY",
  "INTERRUPT",
  "IOERR",
  "CORRUPT",
  "NOTFOUND",
  "FULL",
  "CANTOPEN",
  "PROTOCOL",
  "EMPTY",
  "SCHEMA",
  "TOOBIG",
  "CONSTRAINT",
  "MISMATCH",
  "MISUSE",
  "NOLFS",
  "AUTH",
  "FORMAT",
  "RANGE",
  "NOTADB",
  "NOTICE",
  "WARNING",
];

/** The name of an (extended) result code's base code, as sqld and @libsql/client send it: `SQLITE_CONSTRAINT`. */
export function baseCodeName(resultCode: number): string {
  const base = resultCode & 0xff;
  return `SQLITE_${baseCodeNames[base] ?? `UNKNOWN_${base}`}`;
}

export const clientClosed = (cause?: unknown) =>
  new LibsqlError("The client is closed", "CLIENT_CLOSED", undefined, undefined, cause as Error | undefined);

/**
 * Node's SQLite errors (`ERR_SQLITE_ERROR` with the extended result code in `errcode`) as the
 * `LibsqlError` the rest of the app classifies (db/faults.ts): `code` is the base code's name.
 */
export function asLibsqlError(error: unknown): unknown {
  const { code, errcode, errstr } = (error ?? {}) as { code?: unknown; errcode?: unknown; errstr?: unknown };
  if (code === "ERR_INVALID_STATE") return clientClosed(error);
  if (code !== "ERR_SQLITE_ERROR" || typeof errcode !== "number") return error;
  const name = baseCodeName(errcode);
  const message = (error as Error).message || String(errstr);
  return new LibsqlError(message, name, errcode === (errcode & 0xff) ? name : undefined, errcode, error as Error);
}
