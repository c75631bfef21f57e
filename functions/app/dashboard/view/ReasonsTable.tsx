import { type Reason, reasons } from "../../../../src/shared/feedback-rules.ts";
import { reasonLabels } from "../../feedback/feedback-words.ts";
import type { SortKey } from "../vocabulary.ts";
import { type Filters, link, percent } from "./format.ts";

/** Why readers said No or rated Average/Poor, for one topic in the period: counts, shares, and their comments. */
export function ReasonsTable(props: { reasons: Record<Reason, number>; filters: Filters; sort: SortKey }) {
  const total = reasons.reduce((sum, r) => sum + props.reasons[r], 0);
  return (
    <>
      <h3 id="reasons-heading">Why not</h3>
      {total === 0 ? (
        <p>No reader gave a reason in this period.</p>
      ) : (
        <table class="dashboard__table dashboard__table--fits" aria-labelledby="reasons-heading">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Answers</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r}>
                <th scope="row">
                  <a
                    href={`${link({ ...props.filters, sort: props.sort, reason: r, status: "any" })}#comments-heading`}
                  >
                    {reasonLabels[r]}
                  </a>
                </th>
                <td>{props.reasons[r]}</td>
                <td>{percent(props.reasons[r] / total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
