import type { LanguageRow } from "../dashboard.responses.ts";
import type { Period, SortKey } from "../vocabulary.ts";
import { FigureCells, FigureHeadings } from "./Figures.tsx";
import { type Filters, type LanguageChoice, link, periodCaption } from "./format.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";

/**
 * The overview per language: every topic together in each language readers answered or read in,
 * in the order the site declares them, each a link to the dashboard in that language alone.
 */
export function LanguagesTable(view: {
  rows: readonly (LanguageRow & LanguageChoice)[];
  /** The declared languages, in order; a language no longer declared comes after them. */
  languages: readonly LanguageChoice[];
  period: Period;
  sort: SortKey;
  filters: Filters;
}) {
  const order = (lang: string) => {
    const place = view.languages.findIndex((l) => l.lang === lang);
    return place < 0 ? view.languages.length : place;
  };
  const rows = [...view.rows].sort((a, b) => order(a.lang) - order(b.lang) || a.lang.localeCompare(b.lang));
  return (
    <section aria-labelledby="languages-heading">
      <h2 id="languages-heading">Languages</h2>
      {rows.length === 0 ? (
        <p>No answers or views in this period.</p>
      ) : (
        <ScrollRegion labelledBy="languages-caption">
          <table class="dashboard__table">
            <caption id="languages-caption">{periodCaption("Feedback per language of the page", view.period)}</caption>
            <thead>
              <tr>
                <th scope="col">Language</th>
                <FigureHeadings />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.lang}>
                  <th scope="row">
                    <a href={link({ ...view.filters, lang: row.lang, sort: view.sort })}>{row.name}</a>
                  </th>
                  <FigureCells row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
