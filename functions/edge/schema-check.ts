import type { Client } from "@libsql/client";
import type { MiddlewareHandler } from "hono";
import { ApiError, errorResponse } from "../app/errors.ts";
import { asUnavailable } from "../app/lib/unavailable.ts";
import { appliedVersionSql, schemaVersion } from "../db/schema-version.ts";

/** Isolates that have seen the schema current need not ask again. */
let schemaSeenCurrent = false;

/**
 * The edge does not migrate (`npm run db:migrate` does, once, not every isolate at start): an
 * API request against a database whose schema is behind gets a clear 503 instead of SQL errors.
 * Liveness (`/api/health`) needs no database and is always answered.
 */
export function requireCurrentSchema(db: Client): MiddlewareHandler {
  return async (c, next) => {
    if (schemaSeenCurrent || !c.req.path.startsWith("/api/") || c.req.path === "/api/health") return next();
    try {
      const applied = Number((await db.execute(appliedVersionSql)).rows[0]?.version ?? 0);
      if (applied < schemaVersion) {
        return errorResponse(
          new ApiError(
            "unavailable",
            `The database schema is at version ${applied}, and this version needs ${schemaVersion}: run npm run db:migrate.`,
            { headers: { "Retry-After": "60" } },
          ),
          c,
        );
      }
      schemaSeenCurrent = true;
    } catch (error) {
      const unavailable = asUnavailable(error);
      if (unavailable) return errorResponse(unavailable, c);
      // No schema_migrations table at all: never migrated.
      return errorResponse(
        new ApiError("unavailable", "The database has no schema yet: run npm run db:migrate.", {
          headers: { "Retry-After": "60" },
          cause: error,
        }),
        c,
      );
    }
    return next();
  };
}
