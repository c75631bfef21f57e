import { type Client, LibsqlError } from "@libsql/client";

/**
 * The database as it looks during an outage, switched on and off by the test: every call fails
 * with the disk I/O error SQLite gives. The real faults (a lock, a full disk, read-only files)
 * are provoked against the real server in tests/durability/database-faults.test.ts; this one
 * lets API tests look at what each page and route makes of a fault.
 */
export function failingDb(real: Client) {
  let failing = false;
  const fail = () => Promise.reject(new LibsqlError("disk I/O error", "SQLITE_IOERR", "SQLITE_IOERR_READ"));
  const client = new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (failing && property !== "close" ? fail() : value.apply(target, args));
    },
  });
  return {
    client: client as Client,
    outage(on: boolean) {
      failing = on;
    },
  };
}
