import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { randomToken } from "../app/lib/crypto.ts";

/**
 * The server secret for keyed hashes. Set SERVER_SECRET in production; for a local run one is
 * made once and kept beside the database, so hashes stay comparable across restarts.
 */
export function loadOrCreateSecret(configured: string | undefined, file: string): string {
  if (configured) return configured;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomToken(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
