/** How the dashboard writes numbers and links. */

export const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)} %`);
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
}
