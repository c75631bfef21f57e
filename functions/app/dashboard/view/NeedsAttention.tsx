import { reasonLabels } from "../../feedback/feedback-words.ts";
import type { AttentionItem } from "../attention.ts";
import { signalText } from "../attention-words.ts";
import type { Period } from "../vocabulary.ts";
import { type Filters, link } from "./format.ts";
import { searchesLink } from "./Searches.tsx";

/**
 * The dashboard's first list: the topics to fix, in order, each with why and where to look next
 * (its comments, its reasons and figures, the topic itself). Owners filter it; languages do not:
 * a topic's answers and searches count in every language together.
 */
export function NeedsAttention(view: {
  items: AttentionItem[];
  period: Period;
  filters: Filters;
  owners: string[];
  owner: string | undefined;
  topicPath: (topic: string) => string | undefined;
  /** Whether the rest of the page shows one language only (this list never does). */
  languageFiltered: boolean;
  /** A search's language where worth naming (not the default language). */
  languageOf: (code: string) => string | undefined;
}) {
  const { filters } = view;
  return (
    <section aria-labelledby="attention-heading" class="attention">
      <h2 id="attention-heading">Needs attention</h2>
      <form method="get" action="/dashboard/" class="filters">
        {/* The page's other choices stay as they were. */}
        {Object.entries(filters)
          .filter(([name, value]) => value && name !== "owner")
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <label>
          Owner
          <select name="owner">
            <option value="">Every owner</option>
            {view.owners.map((owner) => (
              <option key={owner} value={owner} selected={owner === view.owner}>
                {owner}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {view.languageFiltered && (
        <p class="dashboard__note">
          Counted in every language: a topic's translations share its steps, so its answers and searches count together.
        </p>
      )}
      {view.items.length === 0 ? (
        <p>
          Nothing needs attention{view.owner ? ` for ${view.owner}` : ""}: no topic is failing its readers or past its
          review.
        </p>
      ) : (
        <ol class="attention__list">
          {view.items.map((item) => {
            const path = view.topicPath(item.topic);
            return (
              <li key={item.topic} class="attention__item">
                <h3 class="attention__title">
                  <a href={link({ ...filters, topic: item.topic })}>{item.title}</a>
                </h3>
                {item.owner && <p class="attention__owner">Owner: {item.owner}</p>}
                <ul class="attention__why">
                  {item.signals.map((signal) => (
                    <li key={signal.kind}>{signalText(signal, view.period, view.languageOf)}</li>
                  ))}
                  {item.topReason && (
                    <li>
                      top reason: {reasonLabels[item.topReason.reason]} ({item.topReason.readers})
                    </li>
                  )}
                </ul>
                <p class="attention__links">
                  <a href={`${link({ ...filters, topic: item.topic, status: "any" })}#comments-heading`}>
                    Comments<span class="visually-hidden"> on {item.title}</span>
                  </a>
                  <a href={`${link({ ...filters, topic: item.topic })}#reasons-heading`}>
                    Reasons and figures<span class="visually-hidden"> for {item.title}</span>
                  </a>
                  {item.signals.some((signal) => signal.kind === "searches-missed") && (
                    <a href={`${searchesLink({ period: view.period, audience: "any" })}#no-results-heading`}>
                      Searches that found nothing<span class="visually-hidden"> near {item.title}</span>
                    </a>
                  )}
                  {path && (
                    <a href={path}>
                      Open the topic<span class="visually-hidden"> {item.title}</span>
                    </a>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
