import type { Client, InStatement, ResultSet, TransactionMode } from "@libsql/client";
import { faultClass, isDatabaseFault } from "./faults.ts";

/** Between two tries at a locked database. */
const busyPauseMs = 25;

const isBusy = (error: unknown) => faultClass(error) === "busy";

/**
 * A client that heals itself. After a fault, a connection can be left mid-statement or
 * mid-transaction (SQLite then answers "cannot commit transaction - SQL statements in
 * progress" to every later write), or opened read-only while its file was; rather than
 * trusting it, the next call after a fault opens a fresh client with `open` and closes the
 * old one. So the first request after the fault clears meets a clean connection. Calls that
 * were waiting on the old client when it closed are retried once on the new one: they never ran.
 *
 * With `retryBusyForMs`, a call that found the database locked (SQLITE_BUSY: it did not run)
 * is tried again after a pause until that much time has passed. The embedded driver waits
 * for a lock synchronously, blocking every other request meanwhile, so its own busy timeout
 * stays short and the waiting happens here, where pages go on being served. `onFault` hears of
 * each call that failed with a fault (the server's metrics count them by class).
 */
/** A client that can be told when a batch's callers stop waiting (the write queue's jobs). */
export interface DeadlineClient extends Client {
  /** `batch`, retrying a locked database only until `deadline` (epoch ms). */
  batchBefore(statements: InStatement[], mode: TransactionMode, deadline: number): Promise<ResultSet[]>;
}

export const hasDeadlines = (client: Client): client is DeadlineClient =>
  typeof (client as Partial<DeadlineClient>).batchBefore === "function";

export function recoveringClient(
  first: Client,
  open: () => Promise<Client>,
  options: { retryBusyForMs?: number; onFault?: (error: unknown) => void } = {},
): DeadlineClient {
  let current = first;
  let broken = false;
  /** Closed for good: a late caller gets CLIENT_CLOSED, never a fresh connection after the last checkpoint. */
  let closed = false;
  let replacing: Promise<void> | undefined;

  const usable = async (): Promise<Client> => {
    if (broken && !closed) {
      replacing ??= open()
        .then((fresh) => {
          if (closed) return fresh.close();
          const old = current;
          current = fresh;
          broken = false;
          old.close();
        })
        .finally(() => {
          replacing = undefined;
        });
      await replacing;
    }
    return current;
  };

  async function call<T>(
    use: (client: Client) => Promise<T>,
    deadline = Date.now() + (options.retryBusyForMs ?? 0),
    retried = false,
  ): Promise<T> {
    const client = await usable();
    try {
      return await use(client);
    } catch (error) {
      if (closed) throw error;
      const closedUnderUs = (error as { code?: unknown }).code === "CLIENT_CLOSED" && client !== current;
      if (closedUnderUs && !retried) return call(use, deadline, true);
      if (!isDatabaseFault(error)) throw error;
      if (client === current) broken = true;
      if (isBusy(error) && Date.now() + busyPauseMs < deadline) {
        await new Promise((resolve) => setTimeout(resolve, busyPauseMs));
        return call(use, deadline, retried);
      }
      // Told once per call that failed, not per try at a locked database.
      options.onFault?.(error);
      throw error;
    }
  }

  const wrapper: Partial<DeadlineClient> = {
    execute: ((statement: Parameters<Client["execute"]>[0], args?: Parameters<Client["execute"]>[1]) =>
      call((c) =>
        args === undefined ? c.execute(statement) : c.execute(statement as string, args),
      )) as Client["execute"],
    batch: (statements, mode) => call((c) => c.batch(statements, mode)),
    batchBefore: (statements, mode, deadline) =>
      call((c) => c.batch(statements, mode), Math.min(deadline, Date.now() + (options.retryBusyForMs ?? 0))),
    executeMultiple: (sql) => call((c) => c.executeMultiple(sql)),
    migrate: (statements) => call((c) => c.migrate(statements)),
    transaction: ((mode) => call((c) => c.transaction(mode))) as Client["transaction"],
    sync: () => call((c) => c.sync()),
    close: () => {
      closed = true;
      current.close();
    },
  };
  return new Proxy(wrapper as DeadlineClient, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver);
      return Reflect.get(current, property);
    },
  });
}
