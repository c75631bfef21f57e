import { formatDay } from "../../../src/shared/dates.ts";
import type { AttentionSignal } from "./attention.ts";
import { unhelpfulRange } from "./view/format.ts";
import { type Period, periodNames } from "./vocabulary.ts";

/** Needs attention in words: the dashboard's list and the writers' daily digest say it alike. */

/** "1 reader", "3 readers". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Why a topic is on the list, in a writer's words. `languageOf` names a search's language where it
 * is worth saying (not the default language's): “Anmeldecode abgelaufen” (German, 4).
 */
export function signalText(
  signal: AttentionSignal,
  period: Period,
  languageOf: (code: string) => string | undefined = () => undefined,
): string {
  switch (signal.kind) {
    case "failing":
      return `${unhelpfulRange(signal.unhelpful)} readers rated it Poor or said No`;
    case "no-rising":
      return `${plural(signal.now, "reader")} said No, against ${signal.before} in the ${periodNames[period]} before`;
    case "out-of-date":
      return `${plural(signal.readers, "reader")} said it is out of date`;
    case "searches-missed": {
      const queries = signal.missed.queries
        .map((q) => {
          const language = languageOf(q.lang);
          return `“${q.query}” (${language ? `${language}, ` : ""}${q.searches})`;
        })
        .join(", ");
      return `${plural(signal.missed.searches, "search", "searches")} close to its words found nothing: ${queries}`;
    }
    case "review-due":
      return `its review was due on ${formatDay(new Date(signal.since))}`;
  }
}
