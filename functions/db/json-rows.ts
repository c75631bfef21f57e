import type { ResultSet } from "@libsql/client";

/**
 * Wraps a SELECT so SQLite hands back all of its rows as one JSON text. For results of many rows
 * this is several times faster than the driver building a row object per row (measured: 1,000
 * overview rows in 1 ms instead of 15), and the rows come back as plain objects.
 */
export function asJsonRows(select: string, columns: readonly string[], orderBy?: string): string {
  const object = columns.map((column) => `'${column}', ${column}`).join(", ");
  const order = orderBy ? ` ORDER BY ${orderBy}` : "";
  return `SELECT coalesce(json_group_array(json_object(${object})${order}), '[]') AS rows FROM (${select})`;
}

export function jsonRowsOf(result: ResultSet | undefined): Record<string, unknown>[] {
  return JSON.parse(String(result?.rows[0]?.rows ?? "[]")) as Record<string, unknown>[];
}
