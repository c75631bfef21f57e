import { createHmac, hash } from "node:crypto";
import type { Hasher } from "../app/lib/crypto.ts";

/**
 * The same hashes as `createWebHasher`, computed synchronously by Node's own crypto.
 * `hash()` is the one-shot form: creating a Hash object costs more than hashing a short token.
 */
export function createNodeHasher(secret: string): Hasher {
  return {
    keyed: async (purpose, value) =>
      createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest("base64url"),
    digest: async (value) => hash("sha256", value, "base64url"),
  };
}
