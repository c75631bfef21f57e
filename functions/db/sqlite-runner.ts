import type { DatabaseSync } from "node:sqlite";
import { type InStatement, LibsqlBatchError, LibsqlError, type ResultSet } from "@libsql/client";
import { ResultSetImpl } from "@libsql/core/util";
import { asLibsqlError } from "./sqlite-errors.ts";
import { asStatement, toRow, toSqlArgs } from "./sqlite-values.ts";
import { statementCache } from "./statement-cache.ts";

/**
 * Statements on one node:sqlite connection, answered as @libsql/client answers them (results,
 * errors), noting with `noteWrites` whether they may have written: with background syncs, a
 * write must be synced before it is answered. A new connection needs a new runner (its
 * prepared statements belong to the old one).
 */
export interface StatementRunner {
  /** One statement; `control` marks BEGIN and COMMIT, which write nothing of their own. */
  run(statement: InStatement, options?: { control?: boolean }): ResultSet;
  /** Several, the failing one named by its index (`LibsqlBatchError`). */
  runAll(list: InStatement[]): ResultSet[];
  /** Any SQL text, statements separated by semicolons; taken as a write. */
  exec(sql: string): void;
  rollbackIfOpen(): void;
  /**
   * Whether something run since this was last set to false may have changed the database
   * (complete with `noteWrites`; without it, writes that return rows are not looked for).
   */
  wrote: boolean;
}

export function statementRunner(db: DatabaseSync, { noteWrites = true } = {}): StatementRunner {
  const prepared = statementCache(db);
  /** Rows changed on this connection since it opened, triggers included (sqlite3_total_changes). */
  const totalChanges = () => (prepared("SELECT total_changes()").statement.get() as unknown as [number])[0];

  const runner: StatementRunner = {
    wrote: false,

    run(statement, { control = false } = {}) {
      const { sql, args } = asStatement(statement);
      try {
        const { statement: compiled, names, types, onlyReads } = prepared(sql);
        const values = toSqlArgs(args);
        if (names.length === 0) {
          runner.wrote ||= !control;
          const { changes, lastInsertRowid } = Array.isArray(values) ? compiled.run(...values) : compiled.run(values);
          return new ResultSetImpl([], [], [], Number(changes), BigInt(lastInsertRowid));
        }
        // Rows can come from a write too (RETURNING): it counts as one if it changed any.
        const watch = noteWrites && !onlyReads && !runner.wrote;
        const before = watch ? totalChanges() : 0;
        const rows = (Array.isArray(values) ? compiled.all(...values) : compiled.all(values)) as unknown as unknown[][];
        if (watch) runner.wrote = totalChanges() !== before;
        return new ResultSetImpl(
          names,
          types,
          rows.map((row) => toRow(row, names)),
          0,
          undefined,
        );
      } catch (error) {
        throw asLibsqlError(error);
      }
    },

    runAll(list) {
      return list.map((statement, index) => {
        try {
          return runner.run(statement);
        } catch (error) {
          if (!(error instanceof LibsqlError) || error instanceof LibsqlBatchError) throw error;
          throw new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error);
        }
      });
    },

    exec(sql) {
      runner.wrote = true;
      try {
        db.exec(sql);
      } catch (error) {
        throw asLibsqlError(error);
      }
    },

    rollbackIfOpen() {
      if (db.isOpen && db.isTransaction) db.exec("ROLLBACK");
    },
  };
  return runner;
}
