import { jsonLogger, type Logger } from "../../functions/app/lib/log.ts";

/** The app's JSON logger writing into memory: tests read the lines, and the entries they parse to. */
export function memoryLogger(): Logger & {
  lines: string[];
  entries: () => Record<string, unknown>[];
  /** Only the audit trail's entries. */
  audits: () => Record<string, unknown>[];
} {
  const lines: string[] = [];
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    ...jsonLogger((line) => lines.push(line)),
    lines,
    entries,
    audits: () => entries().filter((entry) => entry.type === "audit"),
  };
}
