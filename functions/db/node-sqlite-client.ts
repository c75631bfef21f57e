import { DatabaseSync } from "node:sqlite";
import {
  type Client,
  type InArgs,
  type InStatement,
  LibsqlError,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { fileDbPath } from "./file-url.ts";
import { asLibsqlError, clientClosed } from "./sqlite-errors.ts";
import { statementRunner } from "./sqlite-runner.ts";
import { asStatement } from "./sqlite-values.ts";
import { noAutomaticCheckpoints, startWalCheckpointer } from "./wal-checkpointer.ts";
import { type SyncFile, syncsOffThread, walSyncer } from "./wal-sync.ts";

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
 *
 * The server's connection moves its disk work off the serving thread: WAL checkpoints
 * (wal-checkpointer.ts) and the sync that makes a commit durable (wal-sync.ts), after which
 * the call that wrote resolves.
 */
export interface FileDbOptions {
  /** The server's WAL checkpoints run on a thread of their own (wal-checkpointer.ts). */
  backgroundCheckpoints?: boolean;
  /** The server's commits are synced on libuv's pool, not in the COMMIT (wal-sync.ts). */
  backgroundSyncs?: boolean;
  /** How a file is synced with `backgroundSyncs` (tests watch it). */
  syncFile?: SyncFile;
}

export function nodeSqliteClient(url: string, pragmas: readonly string[] = [], options: FileDbOptions = {}): Client {
  const path = fileDbPath(url);
  const settings = [
    ...pragmas,
    ...(options.backgroundCheckpoints ? [noAutomaticCheckpoints] : []),
    ...(options.backgroundSyncs ? [syncsOffThread] : []),
  ];
  const synced = options.backgroundSyncs ? walSyncer(path, options.syncFile) : undefined;
  const startCheckpoints = () => (options.backgroundCheckpoints ? startWalCheckpointer(path) : undefined);
  let db = open();
  const newRunner = () => statementRunner(db, { noteWrites: synced !== undefined });
  let runner = newRunner();
  let checkpointer = startCheckpoints();
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
      return durably(() => runner.run(asStatement(statement, args)));
    },

    batch(list: (InStatement | [string, InArgs?])[], mode: TransactionMode = "deferred") {
      return durably(() =>
        runInTransaction(
          mode,
          list.map((statement) => asStatement(statement)),
        ),
      );
    },

    migrate(list: InStatement[]) {
      return durably(() => {
        runner.run("PRAGMA foreign_keys = OFF");
        try {
          return runInTransaction("deferred", list);
        } finally {
          runner.run("PRAGMA foreign_keys = ON");
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
        runner.wrote = false;
        try {
          runner.run(begin(mode), { control: true });
        } catch (error) {
          release();
          throw error;
        }
        return openTransaction(release);
      });
    },

    executeMultiple(sql: string) {
      return durably(() => {
        try {
          runner.exec(sql);
        } finally {
          runner.rollbackIfOpen();
        }
      });
    },

    async sync(): Promise<never> {
      throw new LibsqlError("A file database has nothing to sync", "SYNC_NOT_SUPPORTED");
    },

    reconnect() {
      client.close();
      db = open();
      runner = newRunner();
      checkpointer = startCheckpoints();
      client.closed = false;
    },

    close() {
      client.closed = true;
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
        runner.rollbackIfOpen();
      } finally {
        release();
      }
    };
    const transaction = {
      get closed() {
        return settled || !db.isOpen || !db.isTransaction;
      },
      async execute(statement: InStatement | string, args?: InArgs) {
        live();
        return runner.run(asStatement(statement, args));
      },
      async batch(list: InStatement[]) {
        live();
        return runner.runAll(list);
      },
      async executeMultiple(sql: string) {
        live();
        runner.exec(sql);
      },
      async commit() {
        let changed: boolean;
        try {
          live();
          runner.run("COMMIT", { control: true });
        } finally {
          changed = runner.wrote;
          settle();
        }
        if (changed) await synced?.();
      },
      async rollback() {
        settle();
      },
      close() {
        settle();
      },
    };
    const live = () => {
      if (transaction.closed) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
    };
    return transaction as Transaction;
  }

  /**
   * Runs `action` once no transaction holds the connection. The last check and the action are
   * one synchronous step: a call resumed by the end of one transaction cannot slip into the
   * next one that another resumed call has just begun.
   */
  async function whenFree<T>(action: () => T): Promise<T> {
    while (held) await held;
    if (client.closed || !db.isOpen) throw clientClosed();
    return action();
  }

  /**
   * `action` as `whenFree` runs it; what it wrote is on disk before the result is given (with
   * background syncs, that is when this resolves; otherwise the COMMIT itself synced).
   */
  async function durably<T>(action: () => T): Promise<T> {
    let changed = false;
    try {
      return await whenFree(() => {
        runner.wrote = false;
        try {
          return action();
        } finally {
          changed = runner.wrote;
        }
      });
    } finally {
      // Also after a failure: statements before it may have been committed on their own.
      if (changed) await synced?.();
    }
  }

  /** `list` in one transaction of its own, rolled back whole if any statement fails. */
  function runInTransaction(mode: TransactionMode, list: InStatement[]): ResultSet[] {
    try {
      runner.run(begin(mode), { control: true });
      const results = runner.runAll(list);
      runner.run("COMMIT", { control: true });
      return results;
    } finally {
      runner.rollbackIfOpen();
    }
  }

  return client as unknown as Client;
}

function begin(mode: TransactionMode): string {
  // libSQL's `BEGIN TRANSACTION READONLY` is not SQLite syntax; a deferred transaction that
  // only reads sees one snapshot all the same.
  return mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
}
