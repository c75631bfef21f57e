/**
 * Password hashing, by scheme. Every stored hash names its scheme and cost (`scheme$…`), so a
 * runtime can check any hash it has the scheme for, and a hash made with an older scheme or a
 * lower cost is replaced at the next successful sign-in.
 */

/** One way of hashing passwords. */
export interface PasswordScheme {
  /** The first field of the hashes it makes, e.g. `pbkdf2-sha256`. */
  id: string;
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored value it cannot read. */
  verify(password: string, stored: string): Promise<boolean>;
  /** True for a hash of this scheme made at a lower cost than `hash` uses now. */
  outdated(stored: string): boolean;
}

/** Hashes and checks passwords, whatever scheme each stored hash used. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password, and for a hash of a scheme this runtime does not have. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Whether a hash that just matched should be made again with the current scheme and cost. */
  needsRehash(stored: string): boolean;
}

export const passwordRules = {
  /** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
  minLength: 12,
  maxLength: 256,
} as const;

const schemeOf = (stored: string) => stored.slice(0, stored.indexOf("$"));

/** New hashes with `current`; old ones checked by whichever of `current` and `older` made them. */
export function passwordHasher(current: PasswordScheme, older: readonly PasswordScheme[] = []): PasswordHasher {
  const byId = new Map([current, ...older].map((scheme) => [scheme.id, scheme]));
  return {
    hash: (password) => current.hash(password),
    async verify(password, stored) {
      const scheme = byId.get(schemeOf(stored));
      return scheme ? scheme.verify(password, stored) : false;
    },
    needsRehash: (stored) => schemeOf(stored) !== current.id || current.outdated(stored),
  };
}
