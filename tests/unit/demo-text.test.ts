import { describe, expect, it } from "vitest";
import type { SignedIn } from "../../src/islands/demo/demo-state.ts";
import { auditLine, recap, refusalMessage } from "../../src/islands/demo/demo-text.ts";
import { demoText } from "../../src/islands/demo/demo-words.ts";
import { groupCode, readTypedCode as readTyped } from "../../src/islands/demo/typed-code.ts";
import { formatLocalAndUtc as formatIn } from "../../src/shared/dates.ts";
import type { Catalogue } from "../../src/shared/i18n/catalogues.ts";
import { catalogues, referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";

/** 3:15 PM in New York on Dec 1, 2026: 20:15 UTC. */
const quarterPastThree = Date.UTC(2026, 11, 1, 20, 15);
const hour = 3600_000;
const newYork = "America/New_York";
const text = demoText(referenceCatalogue.demo, "en", newYork);
const formatLocalAndUtc = (ms: number, timeZone: string) => formatIn(ms, "en", timeZone);
const readTypedCode = (typed: string) => readTyped(text, typed);

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
    const { happened, next } = recap(text, signedIn);
    expect(happened).toEqual([
      "The administrator generated a temporary code for Alex Rivera at Dec 1, 2026, 3:15 PM EST (8:15 PM UTC).",
      "Alex Rivera entered it on the login screen and signed in with it once, at Dec 1, 2026, 3:20 PM EST (8:20 PM UTC).",
      "The code expires at Dec 2, 2026, 3:15 PM EST (8:15 PM UTC), 24 hours after it was generated. Until then it still works.",
      "The application never kept the code itself, only a fingerprint of it: nobody can read it back, not even the administrator.",
    ]);
    expect(next).toMatch(/^Alex Rivera should now pair a new authenticator/);
  });

  it("recaps a one-time code as used up", () => {
    expect(recap(text, { ...signedIn, oneTime: true }).happened[2]).toBe(
      "It was a one-time code, so it stopped working as soon as Alex Rivera signed in.",
    );
  });

  it("tells when a code expired in the reader's time and UTC", () => {
    expect(refusalMessage(text, { kind: "expired", expiredAt: quarterPastThree })).toBe(
      "The code expired at Dec 1, 2026, 3:15 PM EST (8:15 PM UTC). Ask your administrator for a new code.",
    );
  });

  it("writes the audit trail in the reader's words, not the server's", () => {
    const nameOf = (id: string) => (id === "client-rivera" ? "Alex Rivera" : id);
    const line = (event: string, detail: string | null) =>
      auditLine(text, { event, userId: "client-rivera", at: quarterPastThree, detail }, nameOf);
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

describe("the demo in other languages", () => {
  const german = demoText((catalogues.de as Catalogue).demo, "de", newYork);
  const arabic = demoText((catalogues.ar as Catalogue).demo, "ar", newYork);

  it("writes moments as the language writes dates, UTC still beside them", () => {
    expect(formatIn(quarterPastThree, "de", newYork)).toBe("1. Dez. 2026, 15:15 GMT-5 (20:15 UTC)");
    expect(german.time(quarterPastThree)).toBe("1. Dez. 2026, 15:15 GMT-5 (20:15 UTC)");
  });

  it("counts tries with the language's own plural forms", () => {
    expect(refusalMessage(german, { kind: "wrong", triesLeft: 1 })).toBe(
      "Dieser Code stimmt nicht. Noch 1 Versuch, bevor der Code gesperrt wird.",
    );
    expect(refusalMessage(arabic, { kind: "wrong", triesLeft: 2 })).toBe(
      "هذا الرمز غير صحيح. تبقّت محاولتان قبل أن يُقفل الرمز.",
    );
    expect(refusalMessage(arabic, { kind: "wrong", triesLeft: 4 })).toContain("تبقّت 4 محاولات");
  });

  it("reads a code typed in Arabic-Indic digits as the same eight digits", () => {
    expect(readTyped(arabic, "٠٩٢٢ ٩٢٣٠")).toEqual({ ok: true, code: "09229230" });
    expect(readTyped(arabic, "۰۹۲۲۹۲۳۰")).toEqual({ ok: true, code: "09229230" });
  });
});
