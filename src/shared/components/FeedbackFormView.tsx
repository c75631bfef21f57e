import type { ComponentChildren, RefObject } from "preact";
import type { FeedbackFormMessages } from "../feedback-messages.ts";
import {
  asksWhyNot,
  charactersLeft,
  type FeedbackField,
  feedbackFields,
  feedbackLimits,
  feedbackOrder,
  foundAnswers,
  ratings,
  reasons,
} from "../feedback-rules.ts";
import type { Answer, FeedbackEvent, FeedbackState } from "../feedback-state.ts";
import { formatMessage, messageParts } from "../i18n/format.ts";

/**
 * The feedback form as markup, from its state alone: the island renders it live, the server
 * renders it for a reader without JavaScript (what they typed, what to fix). No DOM, no fetch.
 */
export interface FeedbackFormViewProps {
  /** Topic id; absent for feedback on the help center as a whole. */
  topic?: string | undefined;
  /** Every word the form says, in the page's language (see feedback-messages.ts). */
  messages: FeedbackFormMessages;
  /** The page's language, for counts and plural forms. */
  lang: string;
  /** Where the plain HTML form posts, naming the page's language (`?lang=de`): what comes back speaks it. */
  action: string;
  /** Contact us, in the page's language: offered beside the reasons. */
  supportHref: string;
  state: FeedbackState;
  /** True once hydrated: the live counter replaces the static hint. */
  enhanced?: boolean;
  /** The polite announcement of the characters left, updated when typing pauses. */
  announcement?: string;
  /** Events, when the form is alive; the server renders without them. */
  dispatch?: (event: FeedbackEvent) => void;
  onSubmit?: (event: Event) => void;
  refs?: {
    summary?: RefObject<HTMLDivElement>;
    thanks?: RefObject<HTMLDivElement>;
    firstField?: RefObject<HTMLInputElement>;
  };
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function FeedbackFormView(props: FeedbackFormViewProps) {
  const { topic, action, state, enhanced = false, announcement = "", refs = {}, messages: m, lang } = props;
  const dispatch = props.dispatch ?? (() => {});
  const left = charactersLeft(state.values.comment);
  const count = (message: Parameters<typeof formatMessage>[0], n: number) => formatMessage(message, lang, { count: n });

  if (state.status === "sent") {
    return (
      <div class="feedback__thanks" role="status" tabIndex={-1} ref={refs.thanks ?? null}>
        <p>
          <strong>{state.justSent ? m.thanks : m.alreadySent}</strong>
        </p>
        <AnswerSummary answer={state.previous ?? { id: "", editToken: "", values: state.values }} messages={m} />
        <button type="button" class="button button--quiet" onClick={() => dispatch({ type: "change" })}>
          {m.change}
        </button>
      </div>
    );
  }
  const { values, errors } = state;
  const errorId = (field: FeedbackField) => (errors[field] ? `feedback-${field}-error` : undefined);
  const fieldError = (field: FeedbackField) =>
    errors[field] && (
      <p class="field-error" id={errorId(field)}>
        {errors[field]}
      </p>
    );
  const hasErrors = feedbackOrder.some((f) => errors[f]);

  return (
    <form class="feedback__form" method="post" action={action} noValidate onSubmit={props.onSubmit}>
      {topic && <input type="hidden" name={feedbackFields.topic} value={topic} />}
      {(hasErrors || state.problem) && (
        <div
          class="error-summary"
          role="alert"
          tabIndex={-1}
          ref={refs.summary ?? null}
          aria-labelledby="feedback-problem-title"
        >
          <p id="feedback-problem-title">
            <strong>{hasErrors ? m.checkSummary : m.notSent}</strong>
          </p>
          {state.problem && <p>{state.problem}</p>}
          {hasErrors && (
            <ul>
              {feedbackOrder.map(
                (field) =>
                  errors[field] && (
                    <li key={field}>
                      <a href={`#feedback-${field}`}>{errors[field]}</a>
                    </li>
                  ),
              )}
            </ul>
          )}
        </div>
      )}

      <RadioGroup
        field="rating"
        legend={m.rate}
        options={ratings.map((r) => ({ value: r, label: m.ratings[r] }))}
        value={values.rating}
        error={errors.rating}
        firstRef={refs.firstField ?? null}
        onPick={(value) => dispatch({ type: "edit", field: "rating", value })}
      />
      <RadioGroup
        field="found"
        legend={m.found}
        options={foundAnswers.map((f) => ({ value: f, label: m.answers[f] }))}
        value={values.found}
        error={errors.found}
        onPick={(value) => dispatch({ type: "edit", field: "found", value })}
      />
      {/* Without JavaScript it is always there (it cannot appear on a No); live, only after one. The
          island's server-rendered copy is hidden by CSS where scripts run, so waking it shifts nothing. */}
      {(!enhanced || asksWhyNot(values)) && (
        <RadioGroup
          field="reason"
          class={enhanced ? undefined : "feedback__reasons-without-script"}
          legend={enhanced ? m.whyNot : m.whyNotWithoutScript}
          options={reasons.map((r) => ({ value: r, label: m.reasons[r] }))}
          value={values.reason}
          error={errors.reason}
          onPick={(value) => dispatch({ type: "edit", field: "reason", value })}
          after={
            <p class="feedback__support">
              {messageParts(m.needAnswer, { supportLink: <a href={props.supportHref}>{m.contactSupport}</a> })}
            </p>
          }
        />
      )}

      <div class="field">
        <label for="feedback-name">{m.name}</label>
        {fieldError("name")}
        <input
          id="feedback-name"
          name={feedbackFields.name}
          autocomplete="name"
          value={values.name}
          aria-invalid={errors.name ? "true" : undefined}
          aria-describedby={errorId("name")}
          onInput={(e) => dispatch({ type: "edit", field: "name", value: e.currentTarget.value })}
        />
      </div>

      {/* The honeypot: off-screen and hidden from assistive tech, so only bots fill it in. */}
      <div class="honeypot" aria-hidden="true">
        <label for="feedback-website">{m.honeypot}</label>
        <input id="feedback-website" name={feedbackFields.honeypot} tabIndex={-1} autocomplete="off" />
      </div>

      <div class="field">
        <label for="feedback-comment">{m.comment}</label>
        {fieldError("comment")}
        <textarea
          id="feedback-comment"
          name={feedbackFields.comment}
          rows={5}
          value={values.comment}
          aria-invalid={errors.comment || left < 0 ? "true" : undefined}
          aria-describedby={describedBy(errorId("comment"), "feedback-comment-count")}
          onInput={(e) => dispatch({ type: "edit", field: "comment", value: e.currentTarget.value })}
        />
        <p id="feedback-comment-count" class={left < 0 ? "counter counter--over" : "counter"}>
          {enhanced
            ? left < 0
              ? count(m.charactersOver, -left)
              : count(m.charactersLeft, left)
            : count(m.upTo, feedbackLimits.comment)}
        </p>
        <p class="visually-hidden" aria-live="polite">
          {enhanced ? announcement : ""}
        </p>
      </div>

      <button type="submit" class="button" aria-disabled={state.status === "sending" ? "true" : undefined}>
        {state.status === "sending" ? m.sending : state.previous ? m.update : m.send}
      </button>
    </form>
  );
}

/** A labelled group of radio buttons, its error beside it and announced with it. */
function RadioGroup(props: {
  field: "rating" | "found" | "reason";
  legend: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  error: string | undefined;
  firstRef?: RefObject<HTMLInputElement> | null;
  onPick: (value: string) => void;
  after?: ComponentChildren;
  class?: string | undefined;
}) {
  const errorId = props.error ? `feedback-${props.field}-error` : undefined;
  return (
    <fieldset id={`feedback-${props.field}`} class={props.class} aria-describedby={errorId}>
      <legend>{props.legend}</legend>
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <div class="choices">
        {props.options.map((option, index) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name={feedbackFields[props.field]}
              value={option.value}
              checked={props.value === option.value}
              ref={index === 0 ? (props.firstRef ?? null) : null}
              aria-invalid={props.error ? "true" : undefined}
              onChange={() => props.onPick(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {props.after}
    </fieldset>
  );
}

function AnswerSummary({ answer, messages: m }: { answer: Answer; messages: FeedbackFormMessages }) {
  const { rating, found, reason, comment } = answer.values;
  const line = (message: string, values: Record<string, string>) => messageParts(message, values).join("");
  const parts = [
    rating && line(m.yourRating, { rating: m.ratings[rating] }),
    found && line(m.yourFound, { answer: m.answers[found] }),
    reason && line(m.yourReason, { reason: m.reasons[reason] }),
    comment && line(m.yourComment, { comment }),
  ].filter(Boolean);
  return (
    <ul class="feedback__answer">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}
