import { rm } from "node:fs/promises";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { createClient, type Transaction, type Value } from "@libsql/client";
import { BackupRefused, partialPathFor, placeVerifiedCopy, type VerifiedCopy } from "./verified-file.ts";

/** Rows read per request: a round trip per thousand rows, and no answer larger than a few hundred KB. */
const pageRows = 1000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of SQLite's and libSQL's own, which a database makes itself. */
const ownName = "(name LIKE 'sqlite\\_%' ESCAPE '\\' OR name LIKE 'libsql\\_%' ESCAPE '\\')";

interface TableShape {
  name: string;
  /** Stored columns, in order (generated ones are computed again). */
  columns: string[];
  /** What rows are read in order of: `rowid`, or a WITHOUT ROWID table's primary key. */
  key: string[];
  withoutRowid: boolean;
}

async function tableShapes(tx: Transaction): Promise<TableShape[]> {
  const tables = await tx.execute(
    `SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND NOT ${ownName}`,
  );
  const shapes: TableShape[] = [];
  for (const table of tables.rows) {
    const name = String(table.name);
    if (table.type === "virtual") {
      throw new BackupRefused(
        `Table ${name} is a virtual table, which db:backup cannot export: use the server's own backups.`,
      );
    }
    const columns = await tx.execute({
      sql: "SELECT name, pk FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid",
      args: [name],
    });
    const withoutRowid = Number(table.wr) === 1;
    const key = withoutRowid
      ? columns.rows
          .filter((c) => Number(c.pk) > 0)
          .sort((a, b) => Number(a.pk) - Number(b.pk))
          .map((c) => quote(String(c.name)))
      : ["rowid"];
    shapes.push({ name, columns: columns.rows.map((c) => quote(String(c.name))), key, withoutRowid });
  }
  return shapes;
}

/** A value as the remote client gives it, as node:sqlite stores it: integers stay 64-bit, blobs bytes. */
function toLocal(value: Value | undefined): SQLInputValue {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/** Copies one table page by page, each page after the last key of the one before (no OFFSET scans). */
async function copyRows(tx: Transaction, local: DatabaseSync, table: TableShape): Promise<number> {
  const stored = table.withoutRowid ? table.columns : ["rowid", ...table.columns];
  const keyAt = table.key.map((k) => stored.indexOf(k));
  const select = `SELECT ${stored.join(", ")} FROM ${quote(table.name)}`;
  const order = `ORDER BY ${table.key.join(", ")} LIMIT ${pageRows}`;
  const insert = local.prepare(
    `INSERT INTO ${quote(table.name)} (${stored.join(", ")}) VALUES (${stored.map(() => "?").join(", ")})`,
  );
  let after: SQLInputValue[] | undefined;
  let copied = 0;
  for (;;) {
    const where = after ? ` WHERE (${table.key.join(", ")}) > (${after.map(() => "?").join(", ")})` : "";
    const page = await tx.execute({ sql: `${select}${where} ${order}`, args: (after ?? []) as Value[] });
    let values: SQLInputValue[] = [];
    for (const row of page.rows) {
      values = stored.map((_, i) => toLocal(row[i]));
      insert.run(...values);
    }
    copied += page.rows.length;
    if (page.rows.length < pageRows) return copied;
    after = keyAt.map((i) => values[i] ?? null);
  }
}

export interface ExportedCopy extends VerifiedCopy {
  tables: number;
  rows: number;
}

/**
 * The data of a libSQL server (Turso, sqld) read over its own protocol into a local SQLite
 * file, all of it in one read transaction (one snapshot), then checked like a file backup.
 * Tables first, then their rows, then indexes, views and triggers, so no trigger fires twice.
 */
export async function exportRemote(
  remote: { url: string; authToken: string | undefined },
  destination: string,
): Promise<ExportedCopy> {
  const client = createClient({
    url: remote.url,
    intMode: "bigint",
    ...(remote.authToken ? { authToken: remote.authToken } : {}),
  });
  const partial = partialPathFor(destination);
  const local = new DatabaseSync(partial, { enableForeignKeyConstraints: false });
  let counted: { tables: number; rows: number };
  let exported = false;
  try {
    const tx = await client.transaction("read");
    try {
      const schema = await tx.execute(
        `SELECT type, sql FROM sqlite_schema WHERE sql IS NOT NULL AND NOT ${ownName} ORDER BY rowid`,
      );
      local.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
      for (const object of schema.rows.filter((o) => o.type === "table")) local.exec(String(object.sql));
      const tables = await tableShapes(tx);
      let rows = 0;
      for (const table of tables) rows += await copyRows(tx, local, table);
      const sequences = await tx.execute(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_sequence'`);
      if (Number(sequences.rows[0]?.n) > 0) {
        // Rows inserted with their own ids counted already; the server's counters are what count.
        local.exec("DELETE FROM sqlite_sequence");
        const insert = local.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)");
        for (const s of (await tx.execute("SELECT name, seq FROM sqlite_sequence")).rows)
          insert.run(toLocal(s.name), toLocal(s.seq));
      }
      for (const object of schema.rows.filter((o) => o.type !== "table")) local.exec(String(object.sql));
      local.exec("COMMIT");
      counted = { tables: tables.length, rows };
      exported = true;
    } finally {
      tx.close();
    }
  } finally {
    local.close();
    client.close();
    if (!exported) await rm(partial, { force: true });
  }
  return { ...(await placeVerifiedCopy(partial, destination)), ...counted };
}
