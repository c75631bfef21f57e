import { Buffer } from "node:buffer";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import {
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { noAutomaticCheckpoints, startWalCheckpointer } from "./wal-checkpointer.ts";

/**
 * The embedded file database as a libSQL `Client`, on Node's own SQLite (`node:sqlite`).
 *
 * Why not @libsql/client's file driver: its native module (libsql 0.5.29, the newest release;
 * 0.6 previews are worse) never gives back the memory of a prepared statement or of a result:
 * measured here, 3.6 KB per trivial query and about 17 KB per page of a comments export, even
 * with the garbage collector forced (tursodatabase/libsql-js#153). A server that answers
 * millions of requests cannot carry that. Remote databases (Turso, a libSQL server) keep
 * @libsql/client, so the app sees one `Client` either way, with the same errors
 * (`LibsqlError`, `SQLITE_BUSY`…) and the same row shape.
 *
 * One connection, as before; its calls are synchronous. A transaction holds it until it
 * settles, and every other call waits for that, so nothing runs inside someone else's
 * transaction. Statements are prepared once per SQL text and kept (a bounded cache).
 */
export function nodeSqliteClient(
  url: string,
  pragmas: readonly string[] = [],
  options: { backgroundCheckpoints?: boolean } = {},
): Client {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  const settings = options.backgroundCheckpoints ? [...pragmas, noAutomaticCheckpoints] : pragmas;
  let db = open();
  let checkpointer = options.backgroundCheckpoints ? startWalCheckpointer(path) : undefined;
  let statements = new Map<string, StatementSync>();
  let held: Promise<void> | undefined;
  let releaseHeld: (() => void) | undefined;

  function open(): DatabaseSync {
    let opened: DatabaseSync;
    try {
      opened = new DatabaseSync(path);
    } catch (error) {
      throw asLibsqlError(error);
    }
    try {
      for (const pragma of settings) opened.exec(pragma);
    } catch (error) {
      opened.close();
      throw asLibsqlError(error);
    }
    return opened;
  }

  const client = {
    closed: false,
    protocol: "file",

    execute(statement: InStatement | string, args?: InArgs): Promise<ResultSet> {
      return whenFree(() => run(typeof statement === "string" ? { sql: statement, args: args ?? [] } : statement));
    },

    batch(list: (InStatement | [string, InArgs?])[], mode: TransactionMode = "deferred") {
      return whenFree(() => {
        try {
          run(begin(mode));
          const results = runAll(list.map(normalise));
          run("COMMIT");
          return results;
        } finally {
          rollbackIfOpen();
        }
      });
    },

    migrate(list: InStatement[]) {
      return whenFree(() => {
        run("PRAGMA foreign_keys = OFF");
        try {
          run(begin("deferred"));
          const results = runAll(list);
          run("COMMIT");
          return results;
        } finally {
          rollbackIfOpen();
          run("PRAGMA foreign_keys = ON");
        }
      });
    },

    transaction(mode: TransactionMode = "write"): Promise<Transaction> {
      return whenFree(() => {
        let release!: () => void;
        const mine: Promise<void> = new Promise((resolve) => {
          release = () => {
            // Only this transaction's own hold: after a reconnect another may hold the connection.
            if (held === mine) {
              held = undefined;
              releaseHeld = undefined;
            }
            resolve();
          };
        });
        held = mine;
        releaseHeld = release;
        try {
          run(begin(mode));
        } catch (error) {
          release();
          throw error;
        }
        return openTransaction(release);
      });
    },

    executeMultiple(sql: string) {
      return whenFree(() => {
        try {
          db.exec(sql);
        } catch (error) {
          throw asLibsqlError(error);
        } finally {
          rollbackIfOpen();
        }
      });
    },

    async sync(): Promise<never> {
      throw new LibsqlError("A file database has nothing to sync", "SYNC_NOT_SUPPORTED");
    },

    reconnect() {
      client.close();
      db = open();
      checkpointer = options.backgroundCheckpoints ? startWalCheckpointer(path) : undefined;
      client.closed = false;
    },

    close() {
      client.closed = true;
      statements = new Map();
      checkpointer?.stop();
      checkpointer = undefined;
      if (db.isOpen) db.close();
      // Calls waiting for an open transaction are answered CLIENT_CLOSED rather than left waiting.
      releaseHeld?.();
    },
  };

  function openTransaction(release: () => void): Transaction {
    let settled = false;
    // Whatever way it ends (a COMMIT can fail too), the connection goes back with no
    // transaction open, or the next caller's statements would run inside this one.
    const settle = () => {
      if (settled) return;
      settled = true;
      try {
        rollbackIfOpen();
      } finally {
        release();
      }
    };
    const live = () => {
      if (settled || !db.isOpen || !db.isTransaction) {
        throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
      }
    };
    return {
      async execute(statement: InStatement | string, args?: InArgs) {
        live();
        return run(typeof statement === "string" ? { sql: statement, args: args ?? [] } : statement);
      },
      async batch(list: InStatement[]) {
        live();
        return runAll(list);
      },
      async executeMultiple(sql: string) {
        live();
        try {
          db.exec(sql);
        } catch (error) {
          throw asLibsqlError(error);
        }
      },
      async commit() {
        try {
          live();
          run("COMMIT");
        } finally {
          settle();
        }
      },
      async rollback() {
        settle();
      },
      close() {
        settle();
      },
      get closed() {
        return settled || !db.isOpen || !db.isTransaction;
      },
    } as Transaction;
  }

  /**
   * Runs `action` once no transaction holds the connection. The last check and the action are
   * one synchronous step: a call resumed by the end of one transaction cannot slip into the
   * next one that another resumed call has just begun.
   */
  async function whenFree<T>(action: () => T): Promise<T> {
    while (held) await held;
    if (client.closed || !db.isOpen) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
    return action();
  }

  function rollbackIfOpen() {
    if (db.isOpen && db.isTransaction) db.exec("ROLLBACK");
  }

  function runAll(list: InStatement[]): ResultSet[] {
    return list.map((statement, index) => {
      try {
        return run(statement);
      } catch (error) {
        if (!(error instanceof LibsqlError) || error instanceof LibsqlBatchError) throw error;
        throw new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error);
      }
    });
  }

  /** The statement for `sql`, prepared once; the least recently used goes when the cache is full. */
  function prepared(sql: string): StatementSync {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = db.prepare(sql);
      statement.setReturnArrays(true);
      if (statements.size >= statementCacheSize) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return statement;
  }

  function run(statement: InStatement): ResultSet {
    const { sql, args } = typeof statement === "string" ? { sql: statement, args: [] } : statement;
    try {
      const compiled = prepared(sql);
      const values = toSqlArgs(args);
      const columns = compiled.columns();
      if (columns.length === 0) {
        const { changes, lastInsertRowid } = Array.isArray(values) ? compiled.run(...values) : compiled.run(values);
        return resultSet([], [], [], Number(changes), BigInt(lastInsertRowid));
      }
      const names = columns.map((column) => column.name);
      const rows = (Array.isArray(values) ? compiled.all(...values) : compiled.all(values)) as unknown as unknown[][];
      return resultSet(
        names,
        columns.map((column) => column.type ?? ""),
        rows.map((row) => toRow(row, names)),
        0,
        undefined,
      );
    } catch (error) {
      throw asLibsqlError(error);
    }
  }

  return client as unknown as Client;
}

/** Enough for every statement the app writes: filters combine into a few dozen texts, group commits into up to 200. */
const statementCacheSize = 512;

function begin(mode: TransactionMode): string {
  // libSQL's `BEGIN TRANSACTION READONLY` is not SQLite syntax; a deferred transaction that
  // only reads sees one snapshot all the same.
  return mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
}

function normalise(statement: InStatement | [string, InArgs?]): InStatement {
  return Array.isArray(statement) ? { sql: statement[0], args: statement[1] ?? [] } : statement;
}

function toSqlValue(value: InValue | undefined): SQLInputValue {
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Date) return value.valueOf();
  return value;
}

function toSqlArgs(args: InArgs | undefined): SQLInputValue[] | Record<string, SQLInputValue> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSqlValue);
  const named: Record<string, SQLInputValue> = {};
  for (const [name, value] of Object.entries(args)) named[name.replace(/^[@$:]/, "")] = toSqlValue(value);
  return named;
}

/** The row shape @libsql/client gives: values by column name, and by index (not enumerated). */
function toRow(values: unknown[], names: readonly string[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, "length", { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const value = raw instanceof Uint8Array ? raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) : raw;
    Object.defineProperty(row, i, { value });
    const name = names[i] as string;
    if (!Object.hasOwn(row, name)) {
      Object.defineProperty(row, name, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  return row as Row;
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((row) => Array.from({ length: row.length }, (_, i) => jsonValue(row[i]))),
      rowsAffected,
      lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid),
    }),
  };
}

const jsonValue = (value: unknown) =>
  typeof value === "bigint"
    ? String(value)
    : value instanceof ArrayBuffer
      ? Buffer.from(value).toString("base64")
      : value;

const baseCodes: Record<number, string> = {
  1: "SQLITE_ERROR",
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  16: "SQLITE_EMPTY",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  24: "SQLITE_FORMAT",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
  27: "SQLITE_NOTICE",
  28: "SQLITE_WARNING",
};

/**
 * Node's SQLite errors (`ERR_SQLITE_ERROR` with the extended result code in `errcode`) as the
 * `LibsqlError` the rest of the app classifies (db/faults.ts): `code` is the base code's name.
 */
function asLibsqlError(error: unknown): unknown {
  const { code, errcode, errstr } = (error ?? {}) as { code?: unknown; errcode?: unknown; errstr?: unknown };
  if (code === "ERR_INVALID_STATE")
    return new LibsqlError("The client is closed", "CLIENT_CLOSED", undefined, undefined, error as Error);
  if (code !== "ERR_SQLITE_ERROR" || typeof errcode !== "number") return error;
  const base = baseCodes[errcode & 0xff] ?? `SQLITE_UNKNOWN_${errcode & 0xff}`;
  const message = (error as Error).message || String(errstr);
  return new LibsqlError(message, base, errcode === (errcode & 0xff) ? base : undefined, errcode, error as Error);
}
