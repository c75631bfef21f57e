import { createHash, createHmac } from "node:crypto";
import type { Hasher } from "../app/lib/crypto.ts";

/** The same hashes as `createWebHasher`, computed synchronously by Node's own crypto. */
export function createNodeHasher(secret: string): Hasher {
  return {
    keyed: async (purpose, value) => createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest("base64url"),
    digest: async (value) => createHash("sha256").update(value).digest("base64url"),
  };
}
