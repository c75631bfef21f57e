import { describe, expect, it } from "vitest";
import {
  change,
  dayWindow,
  sortTopics,
  summarize,
  weekIndexOf,
  weekStartFromIndex,
  wilsonInterval,
} from "../../functions/app/dashboard/aggregate.ts";
import { csvCell, toCsv } from "../../functions/app/dashboard/csv.ts";

const counts = (
  excellent: number,
  good: number,
  average: number,
  poor: number,
  foundYes: number,
  foundAnswered: number,
) => ({
  responses: excellent + good + average + poor,
  ratings: { excellent, good, average, poor },
  foundYes,
  foundAnswered,
});

describe("feedback aggregation", () => {
  it("turns counts into a rating distribution, a score and the share who found what they needed", () => {
    const summary = summarize(counts(2, 1, 0, 1, 3, 4));
    expect(summary.distribution).toEqual({ excellent: 0.5, good: 0.25, average: 0, poor: 0.25 });
    expect(summary.score).toBe((2 * 4 + 3 + 1) / 4);
    expect(summary.foundShare).toBe(0.75);
  });

  it("has no score or share when nobody rated or answered", () => {
    const summary = summarize({
      responses: 3,
      ratings: { excellent: 0, good: 0, average: 0, poor: 0 },
      foundYes: 0,
      foundAnswered: 0,
    });
    expect(summary.score).toBeNull();
    expect(summary.foundShare).toBeNull();
    expect(summary.distribution.excellent).toBe(0);
  });

  it("compares a period with the one before it", () => {
    const now = summarize(counts(0, 0, 1, 3, 1, 4));
    const before = summarize(counts(2, 2, 0, 0, 4, 4));
    expect(change(now, before)).toEqual({ responses: 0, score: -2.25, foundShare: -75 });
    expect(change(now, summarize(counts(0, 0, 0, 0, 0, 0))).score).toBeNull();
  });

  it("puts the worst topics first, and topics nobody rated last", () => {
    const row = (topic: string, c: ReturnType<typeof counts>) => ({ topic, summary: summarize(c), change: null });
    const sorted = sortTopics(
      [
        row("fine", counts(3, 0, 0, 0, 3, 3)),
        row("unrated", counts(0, 0, 0, 0, 0, 0)),
        row("bad", counts(0, 0, 0, 3, 0, 3)),
      ],
      "worst",
    );
    expect(sorted.map((r) => r.topic)).toEqual(["bad", "fine", "unrated"]);
  });

  it("ranks fifty mixed answers above one Poor, and a topic with one answer neither first nor last", () => {
    const row = (topic: string, c: ReturnType<typeof counts>) => ({ topic, summary: summarize(c), change: null });
    // 25 Poor of 50 ratings, 20 No of 50 answers: surely failing. One Poor alone: maybe.
    const mixed = row("fifty mixed", counts(10, 10, 5, 25, 30, 50));
    const onePoor = row("one poor", counts(0, 0, 0, 1, 0, 0));
    const oneGood = row("one good", counts(1, 0, 0, 0, 1, 1));
    const praised = row("praised by fifty", counts(45, 5, 0, 0, 50, 50));
    const sorted = sortTopics([praised, oneGood, onePoor, mixed], "worst");
    expect(sorted.map((r) => r.topic)).toEqual(["fifty mixed", "one poor", "one good", "praised by fifty"]);
    // 50 readers at least, 25 of them let down at least: Poor and No are not added up.
    expect(mixed.summary.unhelpful).toMatchObject({ answers: 50, bad: 25 });
    const twoBad = row("two readers' Poor and No", counts(0, 0, 0, 2, 0, 2));
    expect(sortTopics([twoBad, mixed], "worst")[0]?.topic).toBe("fifty mixed");
    expect(onePoor.summary.unhelpful.low).toBeLessThan(mixed.summary.unhelpful.low);
    expect(onePoor.summary.unhelpful.high).toBe(1);
  });

  it("computes the Wilson interval as published: 45 of 100 is 35.6 % to 54.8 %", () => {
    const { low, high } = wilsonInterval(45, 100);
    expect(low).toBeCloseTo(0.3561, 3);
    expect(high).toBeCloseTo(0.5476, 3);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(0, 10).low).toBe(0);
  });

  it("measures periods in whole UTC days ending today, and weeks from Monday UTC", () => {
    const now = Date.UTC(2026, 10, 29, 12);
    const today = Date.UTC(2026, 10, 29) / 86400000;
    expect(dayWindow("7d", now)).toEqual({ startDay: today - 6, previousStartDay: today - 13 });
    expect(dayWindow("all", now)).toEqual({ startDay: 0, previousStartDay: null });
    const sunday = Date.UTC(2026, 10, 29, 23, 59);
    expect(new Date(weekStartFromIndex(weekIndexOf(sunday))).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvCell('He said "hi", then left')).toBe('"He said ""hi"", then left"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const formula of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB"])
      expect(csvCell(formula).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it("writes UTF-8 with a byte-order mark and CRLF line ends", () => {
    expect(toCsv(["a", "b"], [["é", "👍"]])).toBe("\uFEFFa,b\r\né,👍\r\n");
  });
});
