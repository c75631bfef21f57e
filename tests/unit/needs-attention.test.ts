import { describe, expect, it } from "vitest";
import type { TopicCounts } from "../../functions/app/dashboard/aggregate.ts";
import { needsAttention, type TopicSignals } from "../../functions/app/dashboard/attention.ts";
import { missedSearchesByTopic } from "../../functions/app/dashboard/missed-searches.ts";
import { reasons } from "../../src/shared/feedback-rules.ts";

const topic = (id: string, extra: { owner?: string; reviewBy?: string } = {}) => ({
  id,
  title: id,
  path: `/topics/${id}/`,
  ...extra,
});
const counts = (poor: number, good: number, no: number, yes: number): TopicCounts => ({
  responses: Math.max(poor + good, no + yes),
  ratings: { excellent: 0, good, average: 0, poor },
  foundYes: yes,
  foundAnswered: yes + no,
});
const signals = (c: TopicCounts, named: Partial<Record<(typeof reasons)[number], number>> = {}): TopicSignals => ({
  counts: c,
  reasons: { ...(Object.fromEntries(reasons.map((r) => [r, 0])) as TopicSignals["reasons"]), ...named },
});

describe("Needs attention", () => {
  it("leaves out a topic one reader's Poor and No cannot condemn, and lists a review that is due after the failing", () => {
    const items = needsAttention({
      topics: [topic("one-poor"), topic("failing"), topic("overdue", { reviewBy: "2026-11-01" }), topic("fine")],
      current: new Map([
        // One reader's Poor and No: two answers, one reader, no verdict.
        ["one-poor", signals(counts(1, 0, 1, 0))],
        ["failing", signals(counts(20, 10, 15, 5), { "steps-did-not-work": 7, "hard-to-understand": 2 })],
        ["fine", signals(counts(0, 30, 0, 30))],
      ]),
      previous: new Map([["failing", counts(10, 10, 10, 10)]]),
      missed: new Map(),
      today: "2026-12-01",
    });
    expect(items.map((i) => i.topic)).toEqual(["failing", "overdue"]);
    const [failing, overdue] = items;
    // 15 No now against 10 before is not twice as many: not "rising".
    expect(failing?.signals.map((s) => s.kind)).toEqual(["failing"]);
    expect(failing?.topReason).toEqual({ reason: "steps-did-not-work", readers: 7 });
    expect(overdue?.signals).toEqual([{ kind: "review-due", since: "2026-11-01" }]);
  });

  it("calls No rising at three or more and twice the period before, and names one reader saying out of date", () => {
    const items = needsAttention({
      topics: [topic("rising"), topic("dated")],
      current: new Map([
        ["rising", signals(counts(0, 20, 4, 30))],
        ["dated", signals(counts(0, 40, 1, 40), { "out-of-date": 1 })],
      ]),
      previous: new Map([["rising", counts(0, 20, 2, 30)]]),
      missed: new Map(),
      today: "2026-12-01",
    });
    // The more surely failing first: 4 No in 54 answers before 1 in 81.
    expect(items.map((i) => [i.topic, i.signals.map((s) => s.kind)])).toEqual([
      ["rising", ["no-rising"]],
      ["dated", ["out-of-date"]],
    ]);
    expect(items.every((i) => i.topReason === undefined)).toBe(true);
  });
});

describe("Searches that found nothing, near a topic's words", () => {
  const login = {
    id: "temporary-login-code",
    title: "Generate a temporary login code",
    description: "Give a user who lost their authenticator a 24-hour numerical code.",
    keywords: ["MFA reset"],
  };
  const invoices = { id: "invoices", title: "Download your invoices", description: "Find past invoices as PDF." };
  const failed = (query: string, ...days: [number, number][]) => ({ query, lang: "en", days });

  it("gives a failed search to the topic sharing most of its words, with one letter wrong forgiven", () => {
    const missed = missedSearchesByTopic(
      [login, invoices],
      [
        failed("temporary code expired", [100, 2]),
        failed("autenticator lost", [101, 1]),
        failed("invoice pdf missing", [100, 1]),
        failed("zebra crossing", [100, 9]),
      ],
      () => 0,
      "en",
    );
    expect(missed.get("temporary-login-code")).toEqual({
      searches: 3,
      queries: [
        { query: "temporary code expired", lang: "en", searches: 2 },
        { query: "autenticator lost", lang: "en", searches: 1 },
      ],
    });
    expect(missed.get("invoices")?.queries.map((q) => q.query)).toEqual(["invoice pdf missing"]);
    expect([...missed.keys()].sort()).toEqual(["invoices", "temporary-login-code"]);
  });

  it("counts only the days since the topic was last updated, and drops a query that shares too few words", () => {
    const missed = missedSearchesByTopic(
      [login],
      [failed("login code broken", [99, 5], [100, 1]), failed("printer toner cartridge code", [100, 4])],
      () => 100,
      "en",
    );
    // Five searches before the update were about the older text; "code" is one word in four.
    expect(missed.get("temporary-login-code")).toEqual({
      searches: 1,
      queries: [{ query: "login code broken", lang: "en", searches: 1 }],
    });
  });

  it("lays a general query at no topic's door when more than three topics meet it equally", () => {
    const many = ["a", "b", "c", "d"].map((id) => ({ id, title: `Code ${id} settings` }));
    expect(missedSearchesByTopic(many, [failed("code", [1, 10])], () => 0, "en").size).toBe(0);
    expect(missedSearchesByTopic(many.slice(0, 3), [failed("code", [1, 10])], () => 0, "en").size).toBe(3);
  });

  it("matches a search in the language it was typed in: a translation's words, or an untranslated original's", () => {
    const translated = {
      ...login,
      translations: { de: { title: "Einen temporären Anmeldecode erzeugen", keywords: ["MFA zurücksetzen"] } },
    };
    const inGerman = (query: string) => ({ query, lang: "de", days: [[100, 4] as const] });
    const missed = missedSearchesByTopic(
      [translated, invoices],
      // Umlauts left out and a German ending, as German readers type; "invoices" is the untranslated topic's own word.
      [inGerman("anmeldecode temporar abgelaufen"), inGerman("invoices pdf fehlt"), inGerman("authenticator lost")],
      () => 0,
      "en",
    );
    expect(missed.get("temporary-login-code")?.queries).toEqual([
      { query: "anmeldecode temporar abgelaufen", lang: "de", searches: 4 },
    ]);
    // The English words of a translated topic are not what a German reader's index holds.
    expect(missed.get("invoices")?.queries.map((q) => q.query)).toEqual(["invoices pdf fehlt"]);
  });

  it("puts a topic on the list from three such searches, saying which", () => {
    const missed = new Map([["quiet", { searches: 3, queries: [{ query: "quiet hours", lang: "en", searches: 3 }] }]]);
    const items = needsAttention({
      topics: [topic("quiet"), topic("near")],
      current: new Map(),
      previous: undefined,
      missed: new Map([...missed, ["near", { searches: 2, queries: [{ query: "near", lang: "en", searches: 2 }] }]]),
      today: "2026-12-01",
    });
    expect(items.map((i) => [i.topic, i.signals])).toEqual([
      ["quiet", [{ kind: "searches-missed", missed: missed.get("quiet") }]],
    ]);
  });
});
