import type { CodeStatus, SandboxState, VerifyOutcome } from "../../shared/demo-contract.ts";
import type { SignedIn } from "./demo-state.ts";
import type { DemoText } from "./demo-words.ts";

/*
 * The demo's sentences that depend on what happened, in the page's language (demo-words.ts).
 * Every moment is shown by `text.time`: the reader's own time zone with UTC beside it.
 */

export function formatCountdown({ m, f }: DemoText, ms: number): string {
  if (ms <= 0) return m.expired;
  const total = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return f(m.countdown, {
    hours: Math.floor(total / 3600),
    minutes: two(Math.floor((total % 3600) / 60)),
    seconds: two(total % 60),
  });
}

/** What the login screen tells the user after a try that did not sign them in, in words they can act on. */
export function refusalMessage(
  { m, f, time }: DemoText,
  outcome: Exclude<VerifyOutcome, { kind: "signed_in" }>,
): string {
  switch (outcome.kind) {
    case "wrong":
      return f(m.refusedWrong, { count: outcome.triesLeft });
    case "locked":
      return m.refusedLocked;
    case "expired":
      return f(m.refusedExpired, { time: time(outcome.expiredAt) });
    case "replaced":
      return m.refusedReplaced;
    case "revoked":
      return m.refusedRevoked;
    case "used":
      return m.refusedUsed;
    case "no_code":
      return m.refusedNoCode;
  }
}

/** What the dialog says about the user's latest code once it no longer works. */
export function codeStateText({ m }: DemoText, state: Exclude<CodeStatus["state"], "active">): string {
  const texts = {
    replaced: m.stateReplaced,
    revoked: m.stateRevoked,
    used: m.stateUsed,
    locked: m.stateLocked,
    expired: m.stateExpired,
  };
  return texts[state];
}

/** The recap after a sign-in that worked: what happened, in order, then what the user does next. */
export function recap({ m, f, time }: DemoText, signedIn: SignedIn): { happened: string[]; next: string } {
  const { name } = signedIn;
  return {
    happened: [
      signedIn.issuedAt === undefined
        ? f(m.recapGenerated, { name })
        : f(m.recapGeneratedAt, { name, time: time(signedIn.issuedAt) }),
      f(m.recapEntered, { name, time: time(signedIn.at) }),
      signedIn.oneTime ? f(m.recapOneTime, { name }) : f(m.recapExpires, { time: time(signedIn.expiresAt) }),
      m.recapFingerprint,
    ],
    next: f(m.recapNext, { name }),
  };
}

type AuditEntry = SandboxState["audit"][number];
const known = <T extends object>(words: T, key: string | null): key is Extract<keyof T, string> =>
  key !== null && Object.hasOwn(words, key);

/** One line of the audit trail: when, what, to whom, and any detail, all in the reader's words, not the server's. */
export function auditLine({ m, f, time }: DemoText, entry: AuditEntry, nameOf: (userId: string) => string): string {
  const tries = entry.detail?.match(/^(\d+) of (\d+)$/);
  const detail = tries
    ? f(m.auditTry, { try: Number(tries[1]), tries: Number(tries[2]) })
    : known(m.auditDetails, entry.detail)
      ? m.auditDetails[entry.detail]
      : entry.detail;
  const event = known(m.auditEvents, entry.event) ? m.auditEvents[entry.event] : entry.event;
  return [
    f(m.auditLine, { time: time(entry.at), event }),
    entry.userId ? ` (${nameOf(entry.userId)})` : "",
    detail ? `, ${detail}` : "",
  ].join("");
}
