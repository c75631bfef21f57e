import { type Period, periodNames, periods } from "../vocabulary.ts";
import type { LanguageChoice } from "./format.ts";

/** A row of links, one per choice, the current one marked: the period, whose searches. */
export function ChoiceNav(props: {
  label: string;
  lead: string;
  current: string;
  choices: { value: string; name: string; href: string }[];
}) {
  return (
    <nav aria-label={props.label}>
      <p>
        {props.lead}:{" "}
        {props.choices.map((choice) => (
          <a
            key={choice.value}
            class="period"
            href={choice.href}
            aria-current={choice.value === props.current ? "page" : undefined}
          >
            {choice.name}
          </a>
        ))}
      </p>
    </nav>
  );
}

/** The period links every dashboard view starts with. */
export function PeriodNav(props: { current: Period; href: (period: Period) => string }) {
  return (
    <ChoiceNav
      label="Period"
      lead="Period"
      current={props.current}
      choices={periods.map((p) => ({ value: p, name: periodNames[p], href: props.href(p) }))}
    />
  );
}

/** The language links beside the period: every language, or one. */
export function LanguageNav(props: {
  current: string | undefined;
  languages: readonly LanguageChoice[];
  href: (lang: string | undefined) => string;
}) {
  return (
    <ChoiceNav
      label="Language"
      lead="Language"
      current={props.current ?? ""}
      choices={[
        { value: "", name: "All languages", href: props.href(undefined) },
        ...props.languages.map((l) => ({ value: l.lang, name: l.name, href: props.href(l.lang) })),
      ]}
    />
  );
}
