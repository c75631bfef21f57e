/**
 * The one logger: one JSON object per line, on both runtimes (stdout on Node, the Worker's logs
 * on the edge). Values are JSON-escaped, so nothing a request carries (a provider's `error`
 * parameter, an e-mail address) can start a line of its own or pass for another field.
 */

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  /** One event of the security audit trail: sign-ins refused, sessions ended, answers deleted. */
  audit(event: string, fields?: LogFields): void;
  /** An error nobody expected (it became a 500), with its stack, once. */
  error(event: string, error: unknown, fields?: LogFields): void;
}

/** Longer values are cut: a log line is for finding what happened, not for keeping what was sent. */
const maxValueLength = 500;

const bounded = (fields: LogFields): LogFields =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === "string" && value.length > maxValueLength ? `${value.slice(0, maxValueLength)}…` : value,
    ]),
  );

function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : undefined;
  return { error: `${error.name}: ${error.message}`, cause, stack: error.stack };
}

/** A logger writing each entry as one line of JSON through `write` (default: console.log). */
export function jsonLogger(write: (line: string) => void = (line) => console.log(line), clock = Date.now): Logger {
  const emit = (entry: LogFields) => write(JSON.stringify({ time: new Date(clock()).toISOString(), ...entry }));
  return {
    audit: (event, fields = {}) => emit({ level: "info", type: "audit", event, ...bounded(fields) }),
    // The stack is kept whole: it is ours, not the request's.
    error: (event, error, fields = {}) =>
      emit({ level: "error", type: "error", event, ...bounded(fields), ...describeError(error) }),
  };
}
