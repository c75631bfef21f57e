import type { DatabaseSync, StatementSync } from "node:sqlite";

export interface Prepared {
  statement: StatementSync;
  /** Column names and declared types, read once: none for a statement that returns no rows. */
  names: string[];
  types: string[];
  /** A plain SELECT, which cannot change the database (anything else returning rows may: `RETURNING`). */
  onlyReads: boolean;
}

/** Enough for every statement the app writes: filters combine into a few dozen texts, group commits into up to 200. */
const defaultSize = 512;

/**
 * Statements prepared once per SQL text on one connection, returning rows as arrays; the least
 * recently used goes when the cache is full. A new connection needs a new cache.
 */
export function statementCache(db: DatabaseSync, size = defaultSize) {
  const statements = new Map<string, Prepared>();
  return (sql: string): Prepared => {
    let entry = statements.get(sql);
    if (entry) {
      statements.delete(sql);
    } else {
      const statement = db.prepare(sql);
      statement.setReturnArrays(true);
      const columns = statement.columns();
      entry = {
        statement,
        names: columns.map((c) => c.name),
        types: columns.map((c) => c.type ?? ""),
        onlyReads: /^\s*select\b/i.test(sql),
      };
      if (statements.size >= size) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, entry);
    return entry;
  };
}
