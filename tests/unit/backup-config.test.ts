import { describe, expect, it } from "vitest";
import { parseNodeConfig } from "../../functions/node/config.ts";

const day = 24 * 3600_000;

describe("the scheduled backups' configuration", () => {
  it("is off without BACKUP_DIR, and keeps 7 daily backups with it", () => {
    expect(parseNodeConfig({}).backups).toBeUndefined();
    expect(parseNodeConfig({ BACKUP_DIR: "/var/backups/help" }).backups).toEqual({
      dir: "/var/backups/help",
      keep: 7,
      everyMs: day,
    });
    expect(parseNodeConfig({ BACKUP_DIR: "b", BACKUP_KEEP: "30", BACKUP_EVERY_HOURS: "6" }).backups).toEqual({
      dir: "b",
      keep: 30,
      everyMs: 6 * 3600_000,
    });
  });

  it("names what is missing or wrong instead of starting without backups", () => {
    expect(() => parseNodeConfig({ BACKUP_KEEP: "3" })).toThrow(
      "Invalid server environment: BACKUP_KEEP needs BACKUP_DIR, the folder backups go to",
    );
    expect(() => parseNodeConfig({ BACKUP_KEEP: "3", BACKUP_EVERY_HOURS: "1" })).toThrow(
      "BACKUP_KEEP and BACKUP_EVERY_HOURS need BACKUP_DIR",
    );
    expect(() => parseNodeConfig({ BACKUP_DIR: "b", BACKUP_KEEP: "0" })).toThrow("BACKUP_KEEP: keep at least 1");
    expect(() => parseNodeConfig({ BACKUP_DIR: "b", BACKUP_EVERY_HOURS: "1.5" })).toThrow(
      "BACKUP_EVERY_HOURS: use a whole number",
    );
    expect(() => parseNodeConfig({ BACKUP_DIR: "b", LIBSQL_URL: "libsql://help.example.turso.io" })).toThrow(
      "BACKUP_DIR backs up a file database, and LIBSQL_URL names a libSQL server: use the server's own backups",
    );
  });
});
