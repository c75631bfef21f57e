/**
 * One statement on a stream's connection, answered as sqld answers it: arguments bound by
 * sqld's rules, rows affected and the last insert rowid only for the statements sqld reports
 * them for, errors under sqld's codes and messages.
 */
import type Database from "libsql";
import { baseCodeName } from "../../../functions/db/sqlite-errors.ts";
import { fromValue, HranaError, type HranaStmt, type HranaStmtResult, toValue } from "./hrana-protocol.ts";
import { statementShape } from "./statement-shape.ts";

type Connection = InstanceType<typeof Database>;
type Prepared = ReturnType<Connection["prepare"]>;

/** What a stream keeps between requests that running a statement needs. */
export interface StatementContext {
  db: Connection;
  /** SQL stored by `store_sql`, by its id. */
  sqls: Map<number, string>;
}

const argsInvalid = (reason: string) =>
  new HranaError(`Arguments do not match SQL parameters: ${reason}`, "ARGS_INVALID");

/**
 * The values for parameters 1…n, looked up as sqld does: `?N` and a bare `?` by position, a
 * name as sent or without its prefix. A missing value or one too many is refused, where the
 * driver would bind NULL or drop it, and every value goes to the driver as one array (a lone
 * blob or null spread into its arguments is taken for the whole parameter set).
 */
function bindings(stmt: HranaStmt, parameters: (string | null)[]): unknown[] {
  const positional = stmt.args ?? [];
  const named = stmt.named_args ?? [];
  if (positional.length > 0 && named.length > 0) {
    throw new HranaError(
      "Specifying both positional and named arguments is not supported",
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
    );
  }
  const given = positional.length + named.length;
  if (given > parameters.length) throw argsInvalid(`too many parameters, expected ${parameters.length} found ${given}`);
  const byName = new Map(named.map((a) => [a.name, a.value]));
  return parameters.map((name, index) => {
    const value = (() => {
      if (name === null) return positional[index];
      if (name.startsWith("?")) return positional[Number(name.slice(1)) - 1];
      return byName.get(name) ?? byName.get(name.slice(1));
    })();
    if (value === undefined) throw argsInvalid(`value for parameter ${name ?? index + 1} not found`);
    return fromValue(value);
  });
}

/** A driver error as sqld words it: compile errors are the SQL's fault, the rest SQLite's, by base code. */
export function sqldError(error: unknown, compiling: boolean): HranaError {
  if (error instanceof HranaError) return error;
  const { message, rawCode } = error as { message: string; rawCode?: number };
  const code = typeof rawCode === "number" ? baseCodeName(rawCode) : "SQLITE_ERROR";
  if (compiling && code === "SQLITE_ERROR") return new HranaError(`SQL input error: ${message}`, "SQL_INPUT_ERROR");
  return new HranaError(`SQLite error: ${message}`, code);
}

/** `changes()` and `last_insert_rowid()` as they stand after the statement that just ran. */
function counters(db: Connection): { changes: bigint; rowid: bigint } {
  const [changes, rowid] = db.prepare("SELECT changes(), last_insert_rowid()").safeIntegers(true).raw(true).get() as [
    bigint,
    bigint,
  ];
  return { changes, rowid };
}

export function runStatement(context: StatementContext, stmt: HranaStmt): HranaStmtResult {
  const sql = stmt.sql ?? (stmt.sql_id === undefined ? undefined : context.sqls.get(stmt.sql_id));
  if (sql === undefined) throw new HranaError(`SQL text ${stmt.sql_id} not found`, "SQL_NOT_FOUND");
  const shape = statementShape(sql);
  if (shape.count === 0) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  if (shape.count > 1) throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
  let prepared: Prepared;
  try {
    prepared = context.db.prepare(sql).safeIntegers(true);
  } catch (error) {
    throw sqldError(error, true);
  }
  const args = bindings(stmt, shape.parameters);
  try {
    let cols: HranaStmtResult["cols"] = [];
    let rows: HranaStmtResult["rows"] = [];
    if (prepared.reader) {
      prepared.raw(true);
      cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
      rows = (prepared.all(args) as unknown[][]).map((row) => row.map(toValue));
    } else {
      prepared.run(args);
    }
    const after = shape.isInsertUpdateDelete || shape.isInsert ? counters(context.db) : undefined;
    return {
      cols,
      rows: stmt.want_rows === false ? [] : rows,
      affected_row_count: shape.isInsertUpdateDelete && after ? Number(after.changes) : 0,
      last_insert_rowid: shape.isInsert && after ? String(after.rowid) : null,
    };
  } catch (error) {
    throw sqldError(error, false);
  }
}
