import { describe, expect, it } from "vitest";
import type { SignedIn } from "../../src/islands/demo/demo-state.ts";
import { auditLine, recap, refusalMessage } from "../../src/islands/demo/demo-text.ts";
import { groupCode, readTypedCode } from "../../src/islands/demo/typed-code.ts";
import { formatLocalAndUtc } from "../../src/shared/dates.ts";

/** 3:15 PM in New York on Dec 1, 2026: 20:15 UTC. */
const quarterPastThree = Date.UTC(2026, 11, 1, 20, 15);
const hour = 3600_000;
const newYork = "America/New_York";

describe("times in the demo", () => {
  it("shows a moment in the reader's zone with the UTC time beside it", () => {
    expect(formatLocalAndUtc(quarterPastThree, newYork)).toBe("Dec 1, 2026, 3:15 PM EST (8:15 PM UTC)");
  });

  it("names summer time as the reader's clock does", () => {
    expect(formatLocalAndUtc(Date.UTC(2026, 6, 1, 20, 15), newYork)).toBe("Jul 1, 2026, 4:15 PM EDT (8:15 PM UTC)");
  });

  it("keeps a zone's half hour and says which day it is in UTC when that is another day", () => {
    expect(formatLocalAndUtc(quarterPastThree, "Asia/Kolkata")).toBe(
      "Dec 2, 2026, 1:45 AM GMT+5:30 (Dec 1, 8:15 PM UTC)",
    );
    expect(formatLocalAndUtc(Date.UTC(2026, 11, 2, 2), "America/Los_Angeles")).toBe(
      "Dec 1, 2026, 6:00 PM PST (Dec 2, 2:00 AM UTC)",
    );
  });
});

describe("the code as the demo shows it and reads it back", () => {
  it("groups the eight digits in fours for reading", () => {
    expect(groupCode("09229230")).toBe("0922 9230");
  });

  it("accepts the code typed or pasted with or without the space, and sends the digits alone", () => {
    expect(readTypedCode("09229230")).toEqual({ ok: true, code: "09229230" });
    expect(readTypedCode("0922 9230")).toEqual({ ok: true, code: "09229230" });
    expect(readTypedCode(" 0922-9230\n")).toEqual({ ok: true, code: "09229230" });
  });

  it("says what is wrong with a code that cannot be right, before it costs a try", () => {
    expect(readTypedCode("   ")).toEqual({ ok: false, message: "Type the 8-digit code." });
    expect(readTypedCode("0922 923")).toEqual({
      ok: false,
      message: "The code has 8 digits; this has 7. Check it and type it again.",
    });
    expect(readTypedCode("0922 92e0")).toEqual({ ok: false, message: "The code has only digits, 0 to 9." });
  });
});

describe("the demo's sentences", () => {
  const signedIn: SignedIn = {
    name: "Alex Rivera",
    oneTime: false,
    issuedAt: quarterPastThree,
    expiresAt: quarterPastThree + 24 * hour,
    at: quarterPastThree + 5 * 60_000,
  };

  it("recaps who generated the code, its one sign-in, its expiry and what the user does next", () => {
    const { happened, next } = recap(signedIn, newYork);
    expect(happened).toEqual([
      "The administrator generated a temporary code for Alex Rivera at Dec 1, 2026, 3:15 PM EST (8:15 PM UTC).",
      "Alex Rivera entered it on the login screen and signed in with it once, at Dec 1, 2026, 3:20 PM EST (8:20 PM UTC).",
      "The code expires at Dec 2, 2026, 3:15 PM EST (8:15 PM UTC), 24 hours after it was generated. Until then it still works.",
      "The application never kept the code itself, only a fingerprint of it: nobody can read it back, not even the administrator.",
    ]);
    expect(next).toMatch(/^Alex Rivera should now pair a new authenticator/);
  });

  it("recaps a one-time code as used up", () => {
    expect(recap({ ...signedIn, oneTime: true }, newYork).happened[2]).toBe(
      "It was a one-time code, so it stopped working as soon as Alex Rivera signed in.",
    );
  });

  it("tells when a code expired in the reader's time and UTC", () => {
    expect(refusalMessage({ kind: "expired", expiredAt: quarterPastThree }, newYork)).toBe(
      "The code expired at Dec 1, 2026, 3:15 PM EST (8:15 PM UTC). Ask your administrator for a new code.",
    );
  });

  it("writes the audit trail in the reader's words, not the server's", () => {
    const nameOf = (id: string) => (id === "client-rivera" ? "Alex Rivera" : id);
    const line = (event: string, detail: string | null) =>
      auditLine({ event, userId: "client-rivera", at: quarterPastThree, detail }, nameOf, newYork);
    expect(line("issued", "multi-use")).toBe(
      "Dec 1, 2026, 3:15 PM EST (8:15 PM UTC): Code generated (Alex Rivera), the code works until it expires",
    );
    expect(line("failed", "2 of 5")).toBe(
      "Dec 1, 2026, 3:15 PM EST (8:15 PM UTC): Wrong code typed (Alex Rivera), try 2 of 5",
    );
    expect(line("refused", "no_code")).toBe(
      "Dec 1, 2026, 3:15 PM EST (8:15 PM UTC): Sign-in refused (Alex Rivera), no code to check",
    );
  });
});
