import type { PasswordScheme } from "./password.ts";

/**
 * PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations: what every runtime of the app has natively
 * (Web Crypto), within an edge isolate's 128 MB where scrypt at OWASP's cost (128 MiB) is not.
 * Stored as `pbkdf2-sha256$ITERATIONS$SALT$HASH` (base64url).
 */
export const owaspPbkdf2Iterations = 600_000;

/** Derives 32 bytes from the password and salt; Node passes its hashing threads, others use Web Crypto. */
export type DerivePbkdf2 = (password: string, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

const encoder = new TextEncoder();

export const webCryptoPbkdf2: DerivePbkdf2 = async (password, salt, iterations) => {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
};

const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export function pbkdf2Passwords(options: { iterations?: number; derive?: DerivePbkdf2 } = {}): PasswordScheme {
  const iterations = options.iterations ?? owaspPbkdf2Iterations;
  const derive = options.derive ?? webCryptoPbkdf2;
  const id = "pbkdf2-sha256";
  return {
    id,
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const key = await derive(password.normalize("NFKC"), salt, iterations);
      return [id, iterations, toBase64url(salt), toBase64url(key)].join("$");
    },
    async verify(password, stored) {
      const [scheme, count, salt, expected] = stored.split("$");
      const rounds = Number(count);
      if (scheme !== id || !salt || !expected || !Number.isInteger(rounds) || rounds < 1 || rounds > 10_000_000) {
        return false;
      }
      try {
        const key = await derive(password.normalize("NFKC"), fromBase64url(salt), rounds);
        return sameBytes(key, fromBase64url(expected));
      } catch (error) {
        if (error instanceof DOMException && error.name === "InvalidCharacterError") return false;
        throw error;
      }
    },
    outdated: (stored) => Number(stored.split("$")[1]) < iterations,
  };
}
