/**
 * RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma, quote or line
 * break, quotes doubled. A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR at
 * its start) gets a leading apostrophe, so a reader's comment can never run as one.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return csvStart + [header, ...rows].map(csvLine).join("");
}

/** One CSV record and its line break. */
export const csvLine = (row: readonly (string | number | null)[]) => `${row.map(csvCell).join(",")}\r\n`;

/** The byte-order mark that tells spreadsheet programs a CSV file is UTF-8. */
export const csvStart = "\uFEFF";
