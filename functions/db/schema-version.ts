/**
 * The number of the newest migration in functions/db/migrations/: a runtime that cannot read
 * that folder (the edge) checks the database against it. A unit test keeps it in step.
 */
export const schemaVersion = 16;

/** The newest migration the database has had, or 0 for none. */
export const appliedVersionSql = "SELECT coalesce(max(version), 0) AS version FROM schema_migrations";
