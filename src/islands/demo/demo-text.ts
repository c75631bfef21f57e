import { formatUtcDateTime } from "../../shared/dates.ts";
import type { VerifyOutcome } from "./demo-client.ts";

export function formatCountdown(ms: number): string {
  if (ms <= 0) return "expired";
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h} h ${String(m).padStart(2, "0")} min ${String(s).padStart(2, "0")} s left`;
}

/** What the login screen tells the user after a try, in words they can act on. */
export function outcomeMessage(outcome: VerifyOutcome, name: string): { ok: boolean; text: string } {
  switch (outcome.kind) {
    case "signed_in":
      return {
        ok: true,
        text: `Signed in as ${name}.${outcome.oneTime ? " This one-time code is now used up." : ` The code keeps working until ${formatUtcDateTime(outcome.expiresAt)}.`}`,
      };
    case "wrong":
      return {
        ok: false,
        text: `That code is not right. ${outcome.triesLeft} ${outcome.triesLeft === 1 ? "try" : "tries"} left before the code locks.`,
      };
    case "locked":
      return { ok: false, text: "The code is locked after 5 wrong tries. Ask your administrator for a new code." };
    case "expired":
      return {
        ok: false,
        text: `The code expired at ${formatUtcDateTime(outcome.expiredAt)}. Ask your administrator for a new code.`,
      };
    case "replaced":
      return { ok: false, text: "A newer code replaced this one. Use the latest code your administrator gave you." };
    case "revoked":
      return { ok: false, text: "Your administrator revoked this code. Ask for a new one." };
    case "used":
      return { ok: false, text: "This one-time code was used already. Ask your administrator for a new code." };
    case "no_code":
      return { ok: false, text: "There is no temporary code for this user. Ask your administrator to generate one." };
  }
}

export const auditLabels: Record<string, string> = {
  issued: "Code issued",
  used: "Signed in with the code",
  failed: "Wrong code typed",
  locked: "Code locked",
  revoked: "Code revoked",
  expired: "Code expired",
  replaced: "Earlier code replaced",
  refused: "Sign-in refused",
};
