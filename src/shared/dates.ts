const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** "November 2, 2026": front-matter dates are calendar days, so they are read and shown in UTC. */
export function formatDay(date: Date): string {
  return longDate.format(date);
}

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "Nov 29, 2026, 9:00 AM UTC": a moment, shown in UTC and labelled so every reader sees the same. */
export function formatUtcDateTime(ms: number): string {
  return `${dateTime.format(ms)} UTC`;
}

/** "2026-11-02", for `<time datetime>` and the sitemap. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
