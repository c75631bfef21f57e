import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { WeeklyChart } from "../../functions/app/dashboard/view/charts.tsx";

const week = 7 * 86_400_000;
const monday = Date.UTC(2026, 10, 23);
const weeks = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    weekStart: monday - (count - 1 - i) * week,
    responses: (i % 5) + 1,
    foundShare: 0.5,
  }));

describe("the weekly chart", () => {
  it("reads as one bar with its week and scale when there is one week", () => {
    const html = renderToString(WeeklyChart({ series: weeks(1) }));
    expect(html.match(/class="chart__bar"/g)).toHaveLength(1);
    expect(html).toContain("Weekly responses over 1 week, from the week of 2026-11-23");
    expect(html).toContain("<caption>Responses and share of “Yes” by week</caption>");
    expect(html).not.toContain("<details>");
  });

  it("draws 104 bars inside the chart, names the first and last week and folds the long table away", () => {
    const html = renderToString(WeeklyChart({ series: weeks(104) }));
    const bars = [...html.matchAll(/<rect class="chart__bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
    expect(bars).toHaveLength(104);
    const rightmost = Math.max(...bars.map((b) => Number(b[1]) + Number(b[2])));
    expect(rightmost).toBeLessThanOrEqual(36 + 360);
    expect(html).toContain(">2024-12-02</text>");
    expect(html).toContain(">2026-11-23</text>");
    expect(html).toContain("<summary>Each week's numbers (104 weeks)</summary>");
    expect(html.match(/<tr>/g)?.length).toBe(105);
  });
});
