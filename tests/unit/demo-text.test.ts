import { describe, expect, it } from "vitest";
import { auditLine, outcomeMessage } from "../../src/islands/demo/demo-text.ts";
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

describe("the demo's sentences", () => {
  it("tells how long a code keeps working, in the reader's time and UTC", () => {
    const signedIn = { kind: "signed_in", oneTime: false, expiresAt: quarterPastThree + 24 * hour } as const;
    expect(outcomeMessage(signedIn, "Alex Rivera", newYork).text).toBe(
      "Signed in as Alex Rivera. The code keeps working until Dec 2, 2026, 3:15 PM EST (8:15 PM UTC).",
    );
  });

  it("tells when a code expired in the reader's time and UTC", () => {
    expect(outcomeMessage({ kind: "expired", expiredAt: quarterPastThree }, "Alex Rivera", newYork).text).toBe(
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
