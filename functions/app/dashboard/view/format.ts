import { type Period, periodNames } from "../vocabulary.ts";

/** How the dashboard writes numbers and links. */

export const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)} %`);
/** "30–60 % of 25": how sure the share of Poor and No answers is; "–" with no answers. */
export const unhelpfulRange = (u: { answers: number; low: number; high: number }) =>
  u.answers === 0 ? "–" : `${Math.round(u.low * 100)}–${Math.round(u.high * 100)} % of ${u.answers}`;
/** "12.5": answers per 1,000 views, or "–" before anyone viewed. */
export const perThousandViews = (answers: number, views: number) =>
  views === 0 ? "–" : ((answers * 1000) / views).toFixed(1);
export const score = (value: number | null) => (value === null ? "–" : value.toFixed(2));
export const signed = (value: number | null, unit = "") =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${value}${unit}`;

/** The dashboard's address with these filters. */
export function link(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return `/dashboard/?${search.toString()}`;
}

/** The comment filters every link of the page keeps. */
export interface Filters {
  period: string;
  topic: string | undefined;
  rating: string | undefined;
  found: string | undefined;
  reason: string | undefined;
  status: string;
  /** Needs attention and the overview show one owner's topics. */
  owner: string | undefined;
  /** Every figure and comment in one language (Needs attention counts every language). */
  lang: string | undefined;
}

/** A language the dashboard offers as a filter: its code and its name in English. */
export interface LanguageChoice {
  lang: string;
  name: string;
}

/** A language's name from the choices, or its code for one no longer declared. */
export const nameIn = (languages: readonly LanguageChoice[], lang: string) =>
  languages.find((l) => l.lang === lang)?.name ?? lang;

/** A table's caption: what it counts, and over which period, against the one before. */
export const periodCaption = (what: string, period: Period) =>
  period === "all"
    ? `${what}, all time`
    : `${what}, last ${periodNames[period]}; change against the ${periodNames[period]} before`;
