import { type SearchAudience, type SearchRow, searchAudiences } from "../../searches/searches.queries.ts";
import type { Period } from "../vocabulary.ts";
import { ChoiceNav, LanguageNav, PeriodNav } from "./ChoiceNav.tsx";
import { type LanguageChoice, nameIn, percent } from "./format.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { ViewSwitch } from "./ViewSwitch.tsx";

const audienceNames: Record<SearchAudience, string> = { any: "Everyone", public: "Readers", internal: "Employees" };

export const searchesLink = (params: { period: Period; audience: SearchAudience; lang?: string | undefined }) => {
  const { lang, ...rest } = params;
  return `/dashboard/searches/?${new URLSearchParams({ ...rest, ...(lang ? { lang } : {}) }).toString()}`;
};

/** "+3", "−2", "new" (none before), "–" (no period before): searches against the period before. */
function Trend({ row }: { row: SearchRow }) {
  if (row.previous === null) return <>–</>;
  if (row.previous === 0) return <>new</>;
  const change = row.searches - row.previous;
  return <>{change === 0 ? "±0" : change > 0 ? `+${change}` : `−${-change}`}</>;
}

/** Where a search's own page is, in the language it was searched in. */
type SearchPage = (lang: string) => string;

function SearchTable(props: {
  id: string;
  caption: string;
  rows: SearchRow[];
  empty: string;
  nameOf: (lang: string) => string;
  searchPage: SearchPage;
}) {
  if (props.rows.length === 0) {
    return (
      <>
        <h2 id={props.id}>{props.caption}</h2>
        <p>{props.empty}</p>
      </>
    );
  }
  return (
    <>
      <h2 id={props.id}>{props.caption}</h2>
      <ScrollRegion labelledBy={props.id}>
        <table class="dashboard__table">
          <thead>
            <tr>
              <th scope="col">Search</th>
              <th scope="col">Language</th>
              <th scope="col">Searches</th>
              <th scope="col">Found nothing</th>
              <th scope="col">Of which some words</th>
              <th scope="col">Opened a result</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={`${row.lang} ${row.query}`}>
                <th scope="row">
                  {/* The words as typed, on that language's search page. */}
                  <a
                    href={`${props.searchPage(row.lang)}?q=${encodeURIComponent(row.query)}&typed=1`}
                    lang={row.lang}
                    dir="auto"
                  >
                    {row.query}
                  </a>
                  {row.corrected && (
                    <span class="dashboard__note">
                      {" "}
                      shown as{" "}
                      <a
                        href={`${props.searchPage(row.lang)}?q=${encodeURIComponent(row.corrected)}`}
                        lang={row.lang}
                        dir="auto"
                      >
                        {row.corrected}
                      </a>
                    </span>
                  )}
                </th>
                <td>{props.nameOf(row.lang)}</td>
                <td>{row.searches}</td>
                <td>{row.noResults}</td>
                <td>{row.partial}</td>
                <td>{percent(row.searches === 0 ? null : row.opened / row.searches)}</td>
                <td>
                  <Trend row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** What readers searched for: the Searches view of the dashboard, rendered on the server. */
export function Searches(view: {
  period: Period;
  audience: SearchAudience;
  /** One language's searches, or every language's. */
  lang?: string | undefined;
  languages: readonly LanguageChoice[];
  searchPage: SearchPage;
  insight: { top: SearchRow[]; noResults: SearchRow[]; unopened: SearchRow[] };
}) {
  const filter = { period: view.period, audience: view.audience, lang: view.lang };
  const exportQuery = searchesLink(filter).split("?")[1];
  const tables = {
    nameOf: (lang: string) => nameIn(view.languages, lang),
    searchPage: view.searchPage,
  };
  return (
    <div class="dashboard">
      <ViewSwitch current="searches" />
      <PeriodNav current={view.period} href={(period) => searchesLink({ ...filter, period })} />
      <LanguageNav current={view.lang} languages={view.languages} href={(lang) => searchesLink({ ...filter, lang })} />
      <ChoiceNav
        label="Whose searches"
        lead="Searches by"
        current={view.audience}
        choices={searchAudiences.map((a) => ({
          value: a,
          name: audienceNames[a],
          href: searchesLink({ ...filter, audience: a }),
        }))}
      />
      <p>
        Searches are counted without any address, cookie or account; readers whose browser asks not to be tracked are
        not counted. Export: <a href={`/api/dashboard/searches.csv?${exportQuery}`}>CSV</a> ·{" "}
        <a href={`/api/dashboard/searches.json?${exportQuery}`}>JSON</a>
      </p>
      {/* With no search at all, "every search found a topic" would be true and tell nothing. */}
      {view.insight.top.length > 0 && (
        <>
          <SearchTable
            id="no-results-heading"
            caption="Searches that found nothing"
            rows={view.insight.noResults}
            empty="Every search in this period found at least one topic."
            {...tables}
          />
          <SearchTable
            id="unopened-heading"
            caption="Searches whose results nobody opened"
            rows={view.insight.unopened}
            empty="Readers opened a result of every search that found one."
            {...tables}
          />
        </>
      )}
      <SearchTable
        id="top-searches-heading"
        caption="Top searches"
        rows={view.insight.top}
        empty="Nobody searched in this period."
        {...tables}
      />
    </div>
  );
}
