import type { Client } from "@libsql/client";
import { isDatabaseFault } from "./faults.ts";

/**
 * A client that heals itself. After a fault, a connection can be left mid-statement or
 * mid-transaction (SQLite then answers "cannot commit transaction - SQL statements in
 * progress" to every later write); rather than trusting it, the next call gets a fresh
 * client from `open`, and the old one is closed. Calls that were waiting on the old client
 * when it closed are retried once on the new one: they never ran.
 */
export function recoveringClient(first: Client, open: () => Promise<Client>): Client {
  let current = first;
  let replacing: Promise<void> | undefined;

  const replace = (broken: Client) => {
    if (broken !== current) return replacing;
    replacing ??= open()
      .then((fresh) => {
        current = fresh;
        broken.close();
      })
      .catch(() => {
        // Still failing (the disk is still full, say): keep the old one and try again after the next fault.
      })
      .finally(() => {
        replacing = undefined;
      });
    return replacing;
  };

  async function call<T>(use: (client: Client) => Promise<T>, retried = false): Promise<T> {
    if (replacing) await replacing;
    const client = current;
    try {
      return await use(client);
    } catch (error) {
      const closedUnderUs = (error as { code?: unknown }).code === "CLIENT_CLOSED" && client !== current;
      if (closedUnderUs && !retried) return call(use, true);
      if (isDatabaseFault(error)) void replace(client);
      throw error;
    }
  }

  const wrapper: Partial<Client> = {
    execute: ((statement: Parameters<Client["execute"]>[0], args?: Parameters<Client["execute"]>[1]) =>
      call((c) =>
        args === undefined ? c.execute(statement) : c.execute(statement as string, args),
      )) as Client["execute"],
    batch: (statements, mode) => call((c) => c.batch(statements, mode)),
    executeMultiple: (sql) => call((c) => c.executeMultiple(sql)),
    migrate: (statements) => call((c) => c.migrate(statements)),
    transaction: ((mode) => call((c) => c.transaction(mode))) as Client["transaction"],
    sync: () => call((c) => c.sync()),
    close: () => current.close(),
  };
  return new Proxy(wrapper as Client, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver);
      return Reflect.get(current, property);
    },
  });
}
