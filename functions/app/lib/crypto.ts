/** Web Crypto only, so the same code runs in any runtime that has it (Node, browsers, Workers). */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unguessable identifier or token: `bytes` random bytes from the CSPRNG, base64url. */
export function randomToken(bytes = 16): string {
  return base64url(randomBytes(bytes));
}

/**
 * An unguessable id that sorts by creation time: the millisecond clock in base 36 (9
 * characters, good until the year 5188), then 96 random bits. New rows then land at the end
 * of the primary-key index instead of on a random page of it.
 */
export function timeOrderedId(now: number, random: string): string {
  return `${now.toString(36).padStart(9, "0")}${random}`;
}

/**
 * Random bytes drawn from the CSPRNG a pool at a time: each call to it has a fixed cost (on Node,
 * more than encoding the tokens), and feedback takes one per submission. Every byte is handed out
 * once; the pool is refilled when what is left cannot serve a request.
 */
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function randomBytes(count: number): Uint8Array {
  if (count > pool.length) return crypto.getRandomValues(new Uint8Array(count));
  if (poolOffset + count > pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  poolOffset += count;
  return pool.slice(poolOffset - count, poolOffset);
}

/** Several tokens at once, from the pool. */
export function randomTokens(...sizes: number[]): string[] {
  const bytes = randomBytes(sizes.reduce((a, b) => a + b, 0));
  let offset = 0;
  return sizes.map((size) => {
    const token = base64url(bytes.subarray(offset, offset + size));
    offset += size;
    return token;
  });
}

/**
 * Remembers recent keyed hashes of the same purpose and value (a client's address is hashed on
 * every request it makes). Bounded: when full it starts over.
 */
export function rememberingKeyed(hasher: Hasher, capacity = 10_000): Hasher {
  const seen = new Map<string, Promise<string>>();
  return {
    digest: (value) => hasher.digest(value),
    keyed(purpose, value) {
      const key = `${purpose}\u0000${value}`;
      let hash = seen.get(key);
      if (!hash) {
        if (seen.size >= capacity) seen.clear();
        hash = hasher.keyed(purpose, value);
        seen.set(key, hash);
      }
      return hash;
    },
  };
}

export interface Hasher {
  /** HMAC-SHA-256 of `purpose` and `value` under the server secret, base64url: nobody without the secret can make or reverse one. */
  keyed(purpose: string, value: string): Promise<string>;
  /** SHA-256, base64url: for random tokens, which are too long to guess from their hash. */
  digest(value: string): Promise<string>;
}

/**
 * Web Crypto hashing, for any runtime. Node passes its own faster one (node-hasher.ts): each
 * Web Crypto call is a round trip through a thread pool, about 10,000 a second here.
 */
export function createWebHasher(secret: string): Hasher {
  const key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return {
    async keyed(purpose, value) {
      const signature = await crypto.subtle.sign("HMAC", await key, encoder.encode(`${purpose}\u0000${value}`));
      return base64url(new Uint8Array(signature));
    },
    async digest(value) {
      return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(value))));
    },
  };
}

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
