/**
 * The one logger: one JSON object per line, on both runtimes (stdout on Node, the Worker's logs
 * on the edge). Values are JSON-escaped, so nothing a request carries (a provider's `error`
 * parameter, an e-mail address) can start a line of its own or pass for another field.
 */

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  /** Whether request lines are written at all (LOG_LEVEL=info): no work is done for them otherwise. */
  readonly logsRequests: boolean;
  /** One request answered: its id, method, route pattern, status, duration, bytes, runtime. */
  request(fields: LogFields): void;
  /** One event of the security audit trail: sign-ins refused, sessions ended, answers deleted. */
  audit(event: string, fields?: LogFields): void;
  /** An error nobody expected (it became a 500), with its stack, once. */
  error(event: string, error: unknown, fields?: LogFields): void;
  /** What the server itself did: began shutting down, finished (`"type": "server"`). */
  server(event: string, fields?: LogFields): void;
}

/** What `LOG_LEVEL` lets through: everything ("info"), unexpected errors only, or nothing. */
export const logLevels = ["info", "error", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** Longer values are cut: a log line is for finding what happened, not for keeping what was sent. */
const maxValueLength = 500;
const maxStackLength = 4000;

/** Cut by code points, so a surrogate pair is never split into a broken character. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max).join("")}…`;
}

const bounded = (fields: LogFields): LogFields =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === "string" ? cut(value, maxValueLength) : value]),
  );

function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: cut(String(error), maxValueLength) };
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : undefined;
  return {
    error: cut(`${error.name}: ${error.message}`, maxValueLength),
    cause: cause === undefined ? undefined : cut(cause, maxValueLength),
    stack: error.stack === undefined ? undefined : cut(error.stack, maxStackLength),
  };
}

/**
 * JSON leaves a few line breaks raw that some log readers split on (U+2028, U+2029, NEL and the
 * other C1 controls): escaped too, so every entry stays one line for every reader.
 */
const oneLine = (json: string) =>
  json.replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A logger writing each entry as one line of JSON through `write` (default: console.log). */
export function jsonLogger(
  write: (line: string) => void = (line) => console.log(line),
  clock = Date.now,
  level: LogLevel = "info",
): Logger {
  const emit = (entry: LogFields) =>
    write(oneLine(JSON.stringify({ time: new Date(clock()).toISOString(), ...entry })));
  const info = level === "info";
  return {
    logsRequests: info,
    request: (fields) => {
      if (info) emit({ level: "info", type: "request", ...bounded(fields) });
    },
    audit: (event, fields = {}) => {
      if (info) emit({ level: "info", type: "audit", event, ...bounded(fields) });
    },
    server: (event, fields = {}) => {
      if (info) emit({ level: "info", type: "server", event, ...bounded(fields) });
    },
    error: (event, error, fields = {}) => {
      if (level !== "silent")
        emit({ level: "error", type: "error", event, ...bounded(fields), ...describeError(error) });
    },
  };
}
