/** Hashes and checks passwords; the Node entry uses scrypt at OWASP's parameters. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored value it cannot read. */
  verify(password: string, stored: string): Promise<boolean>;
}

export const passwordRules = {
  /** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
  minLength: 12,
  maxLength: 256,
} as const;
