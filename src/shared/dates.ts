/** A UTC day in milliseconds: daily rollups, retention ages and review dates count in these. */
export const dayMs = 86_400_000;

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

/** "2026-11-02": the UTC day of a moment, for `<time datetime>`, the sitemap and day keys. */
export function isoDay(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 10);
}

const localDateTime = (lang: string, timeZone?: string) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-US" : lang, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  });
const utcTime = (lang: string) => new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" });
const utcDayAndTime = (lang: string) =>
  new Intl.DateTimeFormat(lang, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  });
const dayKey = (ms: number, timeZone: string | undefined) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? localZone() }).format(ms);
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "Nov 30, 2026, 9:12 AM EST (2:12 PM UTC)": a moment in the reader's own time zone, with UTC
 * alongside (its day too when that differs), as `lang` writes dates ("30. Nov. 2026, 09:12 EST").
 * A reader whose zone is UTC sees UTC once. English keeps the US style the demo began with.
 */
export function formatLocalAndUtc(ms: number, lang: string, timeZone?: string): string {
  const locale = lang === "en" ? "en-US" : lang;
  if ((timeZone ?? localZone()) === "UTC")
    return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(ms)} UTC`;
  const utc =
    dayKey(ms, timeZone) === dayKey(ms, "UTC") ? utcTime(locale).format(ms) : utcDayAndTime(locale).format(ms);
  return `${localDateTime(lang, timeZone).format(ms)} (${utc} UTC)`;
}
