/**
 * Which errors mean "the database cannot serve us right now" rather than "our SQL is wrong":
 * a lock held past the wait, a full disk, an I/O error, a read-only file, a server that
 * refuses, fails or does not answer. Those are answered 503 with `Retry-After`; anything else
 * is a bug and stays a 500.
 */

/** Thrown when a database call took longer than the configured wait. */
export class DatabaseTimeout extends Error {
  constructor(waitedMs: number) {
    super(`The database did not answer within ${waitedMs} ms`);
    this.name = "DatabaseTimeout";
  }
}

const faultCode =
  /^(SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|CORRUPT|NOTADB|NOMEM|INTERRUPT)|SERVER_ERROR|HRANA_|CLIENT_CLOSED|PROTOCOL_VERSION_ERROR)/;
const networkName = /^(TimeoutError|AbortError|DatabaseTimeout)$/;
const networkCode = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_)/;

function isFaultItself(error: object): boolean {
  const { code, extendedCode, name, message } = error as Record<string, unknown>;
  if (typeof code === "string" && (faultCode.test(code) || networkCode.test(code))) return true;
  if (typeof extendedCode === "string" && faultCode.test(extendedCode)) return true;
  if (typeof name === "string" && networkName.test(name)) return true;
  // Undici's refusal to connect: `TypeError: fetch failed`, the reason in `cause`.
  return error instanceof TypeError && message === "fetch failed";
}

export function isDatabaseFault(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    if (isFaultItself(e)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A fault's class, as metrics count them: few enough to alert on, each with its own remedy. */
export type FaultClass = "busy" | "disk_full" | "io_error" | "read_only" | "timeout" | "unreachable" | "other";

const faultClasses: readonly [RegExp, FaultClass][] = [
  [/^SQLITE_(BUSY|LOCKED)/, "busy"],
  [/^SQLITE_FULL/, "disk_full"],
  [/^SQLITE_(IOERR|CORRUPT|NOTADB|NOMEM|PROTOCOL)/, "io_error"],
  [/^SQLITE_(READONLY|CANTOPEN)/, "read_only"],
  [/^(TimeoutError|AbortError|DatabaseTimeout|ETIMEDOUT|SQLITE_INTERRUPT)/, "timeout"],
  [
    /^(ECONN|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_|SERVER_ERROR|HRANA_|CLIENT_CLOSED|PROTOCOL_VERSION_ERROR)/,
    "unreachable",
  ],
];

/** Which class a database fault (see `isDatabaseFault`) belongs to: the first code or name in its chain that says. */
export function faultClass(error: unknown): FaultClass {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { code, extendedCode, name, message } = e as Record<string, unknown>;
    for (const said of [code, extendedCode, name]) {
      if (typeof said !== "string") continue;
      const found = faultClasses.find(([pattern]) => pattern.test(said));
      if (found) return found[1];
    }
    if (e instanceof TypeError && message === "fetch failed") return "unreachable";
    e = (e as { cause?: unknown }).cause;
  }
  return "other";
}
