import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { PasswordScheme } from "../app/auth/password.ts";

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB of memory per hash). */
export const owaspScrypt: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

export const scryptKeyLength = 32;

/** Derives the key; the server passes its worker threads (password-workers.ts), tools and tests this. */
export type DeriveKey = (password: string, salt: Buffer, cost: ScryptCost) => Promise<Buffer>;

/** Memory scrypt needs for `cost`, plus headroom: Node refuses anything over its 32 MiB default otherwise. */
export const scryptMaxmem = (cost: ScryptCost) => 128 * cost.N * cost.r * 2 + 1024 * 1024;

/** In this thread's libuv pool: fine for a command-line tool, not for a server that also reads files there. */
const deriveInProcess: DeriveKey = (password, salt, cost) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, scryptKeyLength, { ...cost, maxmem: scryptMaxmem(cost) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/**
 * `scrypt$N$r$p$salt$hash`: the scheme hashes were made with before the edge runtime, which
 * has no room for scrypt at this cost. Node still checks such hashes, and a sign-in replaces
 * them with the current scheme's.
 */
export function scryptPasswords(cost: ScryptCost = owaspScrypt, derive: DeriveKey = deriveInProcess): PasswordScheme {
  return {
    id: "scrypt",
    outdated: (stored) => Number(stored.split("$")[1]) < cost.N,
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password.normalize("NFKC"), salt, cost);
      return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
    },
    async verify(password, stored) {
      const [scheme, N, r, p, salt, expected] = stored.split("$");
      if (scheme !== "scrypt" || !salt || !expected) return false;
      const key = await derive(password.normalize("NFKC"), Buffer.from(salt, "base64url"), {
        N: Number(N),
        r: Number(r),
        p: Number(p),
      });
      const wanted = Buffer.from(expected, "base64url");
      return wanted.length === key.length && timingSafeEqual(key, wanted);
    },
  };
}
