import type { WriteQueue } from "../../db/write-queue.ts";

/** Whose staff record an identity signs in as, or why it may not. */
export type StaffLink = { kind: "staff"; id: number } | { kind: "disabled" } | { kind: "conflict"; email: string };

const linked = (row: Record<string, unknown> | undefined): StaffLink | undefined =>
  row && (row.disabled_at === null ? { kind: "staff", id: Number(row.id) } : { kind: "disabled" });

/**
 * The staff record of an identity: one per issuer and subject, found by them first, its name
 * and (verified) e-mail refreshed at each sign-in. Only a verified e-mail links a first sign-in
 * to an existing local account (the company's provider vouches for its addresses, and only for
 * verified ones); an unverified address is never stored, so it can neither take an account nor
 * hold an address another person may need. An address another account holds is a conflict the
 * reader is told about, never a 500.
 */
export async function rememberStaff(
  deps: { writes: WriteQueue; clock: () => number; issuer: string },
  claims: { sub: string; iss: string; name?: unknown; email_verified?: unknown },
  email: string | undefined,
): Promise<StaffLink> {
  const name = typeof claims.name === "string" ? claims.name : null;
  const verifiedEmail = email !== undefined && claims.email_verified === true ? email : null;
  const identity = [claims.iss, claims.sub];
  const write = async (sql: string, args: (string | number | null)[]) =>
    (await deps.writes.write([{ sql, args }]))[0]?.rows[0];

  const bySubject = async () => {
    // The e-mail follows the provider's verified one unless another account holds it.
    const row = await write(
      `UPDATE staff_users SET name = ?2,
         email = CASE WHEN ?1 IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM staff_users other WHERE other.email = ?1 AND other.id <> staff_users.id)
                 THEN ?1 ELSE email END
       WHERE issuer = ?3 AND subject = ?4 RETURNING id, disabled_at, email`,
      [verifiedEmail, name, ...identity],
    );
    if (row && verifiedEmail !== null && String(row.email).toLowerCase() !== verifiedEmail) {
      return { kind: "conflict", email: verifiedEmail } satisfies StaffLink;
    }
    return linked(row);
  };

  const known = await bySubject();
  if (known) return known;
  if (verifiedEmail !== null) {
    const local = await write(
      // Never a disabled account: a refused sign-in must not link it (a later reset would let it in).
      `UPDATE staff_users SET issuer = ?, subject = ?, name = ?
       WHERE email = ? AND issuer IS NULL AND disabled_at IS NULL RETURNING id, disabled_at`,
      [...identity, name, verifiedEmail],
    );
    if (local) return linked(local) as StaffLink;
  }
  const address = verifiedEmail ?? `${claims.sub}@${new URL(deps.issuer).hostname}`;
  const created = await write(
    `INSERT INTO staff_users (email, password_hash, created_at, issuer, subject, name)
     VALUES (?, '', ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id, disabled_at`,
    [address, deps.clock(), ...identity, name],
  );
  if (created) return linked(created) as StaffLink;
  // Nothing went in: the same person signed in at the same moment (now found by subject), or
  // the address belongs to another identity.
  return (await bySubject()) ?? { kind: "conflict", email: address };
}
