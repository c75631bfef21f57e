import { Worker } from "node:worker_threads";
import type { DerivePbkdf2 } from "../app/auth/pbkdf2-password.ts";
import { Overloaded } from "../app/lib/overloaded.ts";
import { type DeriveKey, type ScryptCost, scryptKeyLength, scryptMaxmem } from "./scrypt-password.ts";

export interface PasswordWorkerOptions {
  /** Hashes computed at once, each on a thread of its own. Default: 1 (a 2-core machine keeps a core for pages). */
  threads: number;
  /** Hashes waiting for a thread; one more is refused at once with `Overloaded`. Default: 8. */
  queue: number;
}

/**
 * The worker's whole program. Each hash runs synchronously on the worker's own thread, so it
 * never takes a slot in libuv's pool, where the main thread reads the files it serves.
 */
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { scryptSync, pbkdf2Sync } = require("node:crypto");
parentPort.on("message", ({ id, kind, password, salt, keyLength, options }) => {
  try {
    const key = kind === "pbkdf2"
      ? pbkdf2Sync(password, Buffer.from(salt), options.iterations, keyLength, "sha256")
      : scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

interface Task {
  id: number;
  kind: "scrypt" | "pbkdf2";
  password: string;
  salt: Uint8Array;
  options: Record<string, number>;
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

/** Password hashing on dedicated threads, at most `threads` at once and `queue` waiting. */
export function passwordWorkers(options: PasswordWorkerOptions): {
  scrypt: DeriveKey;
  pbkdf2: DerivePbkdf2;
  /** Hashes running and waiting now, and those refused since start (the server's metrics). */
  stats: () => { running: number; waiting: number; refused: number };
  close: () => Promise<void>;
} {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: Task[] = [];
  const running = new Map<number, Task>();
  const current = new Map<Worker, number>();
  let nextId = 0;
  let refused = 0;

  const start = (worker: Worker, task: Task) => {
    running.set(task.id, task);
    current.set(worker, task.id);
    worker.postMessage({
      id: task.id,
      kind: task.kind,
      password: task.password,
      salt: task.salt,
      keyLength: scryptKeyLength,
      options: task.options,
    });
  };

  for (let i = 0; i < options.threads; i++) {
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    worker.on("message", (message: { id: number; key?: Uint8Array; error?: string }) => {
      const task = running.get(message.id);
      running.delete(message.id);
      current.delete(worker);
      if (task) {
        if (message.key) task.resolve(Buffer.from(message.key));
        else task.reject(new Error(`Password hashing failed: ${message.error}`));
      }
      const next = waiting.shift();
      if (next) start(worker, next);
      else idle.push(worker);
    });
    // A thread that dies (out of memory, say) fails its task; the others carry on.
    worker.on("error", (error) => {
      const id = current.get(worker);
      if (id !== undefined) running.get(id)?.reject(new Error("Password hashing failed", { cause: error }));
    });
    idle.push(worker);
    all.push(worker);
  }

  const run = (kind: Task["kind"], password: string, salt: Uint8Array, taskOptions: Record<string, number>) =>
    new Promise<Buffer>((resolve, reject) => {
      const task: Task = { id: nextId++, kind, password, salt, options: taskOptions, resolve, reject };
      const worker = idle.pop();
      if (worker) return start(worker, task);
      if (waiting.length >= options.queue) {
        refused++;
        return reject(new Overloaded("Many people are signing in right now. Try again in a few seconds."));
      }
      waiting.push(task);
    });

  return {
    scrypt: (password, salt, cost: ScryptCost) =>
      run("scrypt", password, salt, { ...cost, maxmem: scryptMaxmem(cost) }),
    pbkdf2: (password, salt, iterations) => run("pbkdf2", password, salt, { iterations }),
    stats: () => ({ running: running.size, waiting: waiting.length, refused }),
    close: async () => {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
