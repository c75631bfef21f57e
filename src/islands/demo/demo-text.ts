import { formatLocalAndUtc } from "../../shared/dates.ts";
import type { CodeStatus, SandboxState, VerifyOutcome } from "../../shared/demo-contract.ts";
import type { SignedIn } from "./demo-state.ts";

/*
 * The demo's sentences that depend on what happened. Every moment is shown by formatLocalAndUtc:
 * the reader's own time zone with UTC beside it. `timeZone` is for tests; readers get their own.
 */

export function formatCountdown(ms: number): string {
  if (ms <= 0) return "expired";
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h} h ${String(m).padStart(2, "0")} min ${String(s).padStart(2, "0")} s left`;
}

/** Why the dialog shows the code once, without the words "keyed hash". */
export const shownOnce =
  "You see this code only once. The application never keeps the code itself, only a fingerprint of it, so nobody can read it back.";

/** What the login screen tells the user after a try that did not sign them in, in words they can act on. */
export function refusalMessage(outcome: Exclude<VerifyOutcome, { kind: "signed_in" }>, timeZone?: string): string {
  switch (outcome.kind) {
    case "wrong":
      return `That code is not right. ${outcome.triesLeft} ${outcome.triesLeft === 1 ? "try" : "tries"} left before the code locks.`;
    case "locked":
      return "The code is locked after 5 wrong tries. Ask your administrator for a new code.";
    case "expired":
      return `The code expired at ${formatLocalAndUtc(outcome.expiredAt, timeZone)}. Ask your administrator for a new code.`;
    case "replaced":
      return "A newer code replaced this one. Use the latest code your administrator gave you.";
    case "revoked":
      return "Your administrator canceled this code. Ask for a new one.";
    case "used":
      return "This one-time code was used already. Ask your administrator for a new code.";
    case "no_code":
      return "There is no temporary code for this user. Ask your administrator to generate one.";
  }
}

/** What the dialog says about the user's latest code once it no longer works. */
export const codeStateText: Record<Exclude<CodeStatus["state"], "active">, string> = {
  replaced: "A newer code replaced the last one.",
  revoked: "The last code was canceled.",
  used: "The last code was a one-time code, and it has been used.",
  locked: "The last code is locked after too many wrong tries.",
  expired: "The last code has expired.",
};

/** The recap after a sign-in that worked: what happened, in order, then what the user does next. */
export function recap(signedIn: SignedIn, timeZone?: string): { happened: string[]; next: string } {
  const { name } = signedIn;
  const at = (ms: number) => formatLocalAndUtc(ms, timeZone);
  return {
    happened: [
      signedIn.issuedAt === undefined
        ? `The administrator generated a temporary code for ${name}.`
        : `The administrator generated a temporary code for ${name} at ${at(signedIn.issuedAt)}.`,
      `${name} entered it on the login screen and signed in with it once, at ${at(signedIn.at)}.`,
      signedIn.oneTime
        ? `It was a one-time code, so it stopped working as soon as ${name} signed in.`
        : `The code expires at ${at(signedIn.expiresAt)}, 24 hours after it was generated. Until then it still works.`,
      "The application never kept the code itself, only a fingerprint of it: nobody can read it back, not even the administrator.",
    ],
    next: `${name} should now pair a new authenticator, such as the authenticator app on their new phone, so they no longer need a temporary code.`,
  };
}

export const copyStatus = {
  copied: "Copied: the 8 digits are on your clipboard.",
  selected:
    "This browser did not let the page copy. The code is selected: press Ctrl+C (Command+C on a Mac) to copy it.",
} as const;

const auditLabels: Record<string, string> = {
  issued: "Code generated",
  used: "Signed in with the code",
  failed: "Wrong code typed",
  locked: "Code locked after too many wrong tries",
  revoked: "Code canceled",
  expired: "Code expired",
  replaced: "Earlier code replaced by a new one",
  refused: "Sign-in refused",
};

/** The server records details in its own words ("multi-use", "no_code", "2 of 5"); these are the reader's. */
const auditDetails: Record<string, string> = {
  "one-time": "a one-time code",
  "multi-use": "the code works until it expires",
  wrong: "wrong code",
  locked: "the code is locked",
  expired: "the code had expired",
  replaced: "a newer code had replaced it",
  revoked: "the code was canceled",
  used: "the one-time code was used already",
  no_code: "no code to check",
};

type AuditEntry = SandboxState["audit"][number];

/** One line of the audit trail: when, what, to whom, and any detail, all in plain words. */
export function auditLine(entry: AuditEntry, nameOf: (userId: string) => string, timeZone?: string): string {
  const tries = entry.detail?.match(/^(\d+) of (\d+)$/);
  const detail = tries
    ? `try ${tries[1]} of ${tries[2]}`
    : entry.detail && (auditDetails[entry.detail] ?? entry.detail);
  return [
    `${formatLocalAndUtc(entry.at, timeZone)}: ${auditLabels[entry.event] ?? entry.event}`,
    entry.userId ? ` (${nameOf(entry.userId)})` : "",
    detail ? `, ${detail}` : "",
  ].join("");
}
