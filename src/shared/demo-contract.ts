/**
 * The live demo's answers, as the API sends them and the widget reads them: one declaration
 * for both. Nothing here touches the DOM, the network or the database.
 */

/** How a typed code was received; `signed_in` is the only way in. */
export type VerifyOutcome =
  | { kind: "signed_in"; oneTime: boolean; expiresAt: number }
  | { kind: "wrong"; triesLeft: number }
  | { kind: "locked" }
  | { kind: "expired"; expiredAt: number }
  | { kind: "replaced" }
  | { kind: "revoked" }
  | { kind: "used" }
  | { kind: "no_code" };

/** A user's latest code, as far as anyone may know it (never the code itself). */
export interface CodeStatus {
  state: "active" | "replaced" | "revoked" | "used" | "locked" | "expired";
  issuedAt: number;
  expiresAt: number;
  oneTime: boolean;
  triesLeft: number;
}

export interface DemoUser {
  id: string;
  kind: "client" | "staff";
  name: string;
  username: string;
  devicePaired: boolean;
  code: CodeStatus | undefined;
}

/** What a visitor's sandbox holds: its clock, its people and their codes, its audit trail (newest first). */
export interface SandboxState {
  now: number;
  expiresAt: number;
  users: DemoUser[];
  audit: { event: string; userId: string | null; at: number; detail: string | null }[];
}

/** The one answer that carries a code in clear: right after it was issued. */
export interface IssuedCode {
  code: string;
  expiresAt: number;
  oneTime: boolean;
}
