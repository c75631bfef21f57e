import type { SQLInputValue } from "node:sqlite";
import type { InArgs, InStatement, InValue, Row } from "@libsql/client";

/** A statement in any of the forms `Client` accepts, as `{ sql, args }`. */
export function asStatement(statement: InStatement | [string, InArgs?], args?: InArgs): { sql: string; args: InArgs } {
  if (typeof statement === "string") return { sql: statement, args: args ?? [] };
  if (Array.isArray(statement)) return { sql: statement[0], args: statement[1] ?? [] };
  return { sql: statement.sql, args: statement.args ?? [] };
}

/** What @libsql/client accepts as an argument, as node:sqlite takes it. */
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

export function toSqlArgs(args: InArgs): SQLInputValue[] | Record<string, SQLInputValue> {
  if (Array.isArray(args)) return args.map(toSqlValue);
  const named: Record<string, SQLInputValue> = {};
  for (const [name, value] of Object.entries(args)) named[name.replace(/^[@$:]/, "")] = toSqlValue(value);
  return named;
}

/** The row shape @libsql/client gives: values by column name, and by index (not enumerated). */
export function toRow(values: unknown[], names: readonly string[]): Row {
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
