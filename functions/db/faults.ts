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

/** A fault's class, as metrics count them: few enough to alert on, each with its own remedy. */
export type FaultClass = "busy" | "disk_full" | "io_error" | "read_only" | "timeout" | "unreachable" | "other";

/** Every code or name that makes an error a fault, with its class: the one list both questions read. */
const faultClasses: readonly [RegExp, FaultClass][] = [
  [/^SQLITE_(BUSY|LOCKED)/, "busy"],
  [/^SQLITE_FULL/, "disk_full"],
  [/^SQLITE_(IOERR|CORRUPT|NOTADB|NOMEM|PROTOCOL)/, "io_error"],
  [/^SQLITE_(READONLY|CANTOPEN)/, "read_only"],
  [/^(TimeoutError|AbortError|DatabaseTimeout|ETIMEDOUT|SQLITE_INTERRUPT)$/, "timeout"],
  [
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_|SERVER_ERROR|HRANA_|CLIENT_CLOSED|PROTOCOL_VERSION_ERROR)/,
    "unreachable",
  ],
];

/** The class of the first code or name in the error's chain that names a fault; undefined for none. */
function classOf(error: unknown): FaultClass | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { code, extendedCode, name, message } = e as Record<string, unknown>;
    for (const said of [code, extendedCode, name]) {
      if (typeof said !== "string") continue;
      const found = faultClasses.find(([pattern]) => pattern.test(said));
      if (found) return found[1];
    }
    // Undici's refusal to connect: `TypeError: fetch failed`, the reason in `cause`.
    if (e instanceof TypeError && message === "fetch failed") return "unreachable";
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isDatabaseFault = (error: unknown): boolean => classOf(error) !== undefined;

/** Which class a database fault belongs to, as metrics count them; "other" for anything else. */
export const faultClass = (error: unknown): FaultClass => classOf(error) ?? "other";
