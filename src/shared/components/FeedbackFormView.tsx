import type { ComponentChildren, RefObject } from "preact";
import {
  asksWhyNot,
  charactersLeft,
  type FeedbackField,
  feedbackFields,
  feedbackLimits,
  feedbackOrder,
  foundAnswers,
  foundLabels,
  type Reason,
  ratingLabels,
  ratings,
  reasons,
} from "../feedback-rules.ts";
import type { Answer, FeedbackEvent, FeedbackState } from "../feedback-state.ts";
import type { FeedbackWording } from "../feedback-wording.ts";

/**
 * The feedback form as markup, from its state alone: the island renders it live, the server
 * renders it for a reader without JavaScript (what they typed, what to fix). No DOM, no fetch.
 */
export interface FeedbackFormViewProps {
  /** Topic id; absent for feedback on the help center as a whole. */
  topic?: string | undefined;
  /** The two questions' words (see feedback-wording.ts). */
  wording: FeedbackWording;
  /** Where the plain HTML form posts. */
  action: string;
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
  const { topic, action, state, enhanced = false, announcement = "", refs = {} } = props;
  const dispatch = props.dispatch ?? (() => {});
  const left = charactersLeft(state.values.comment);

  if (state.status === "sent") {
    return (
      <div class="feedback__thanks" role="status" tabIndex={-1} ref={refs.thanks ?? null}>
        <p>
          <strong>{state.justSent ? "Thank you for your feedback." : "You already sent feedback on this page."}</strong>
        </p>
        <AnswerSummary
          answer={state.previous ?? { id: "", editToken: "", values: state.values }}
          reasons={props.wording.whyNot.reasons}
        />
        <button type="button" class="button button--quiet" onClick={() => dispatch({ type: "change" })}>
          Change your answer
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
            <strong>{hasErrors ? "Please check your feedback:" : "Your feedback was not sent."}</strong>
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
        legend={props.wording.rate}
        options={ratings.map((r) => ({ value: r, label: ratingLabels[r] }))}
        value={values.rating}
        error={errors.rating}
        firstRef={refs.firstField ?? null}
        onPick={(value) => dispatch({ type: "edit", field: "rating", value })}
      />
      <RadioGroup
        field="found"
        legend="Did you find the information you need?"
        options={foundAnswers.map((f) => ({ value: f, label: foundLabels[f] }))}
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
          legend={enhanced ? props.wording.whyNot.legend : props.wording.whyNot.legendWithoutScript}
          options={reasons.map((r) => ({ value: r, label: props.wording.whyNot.reasons[r] }))}
          value={values.reason}
          error={errors.reason}
          onPick={(value) => dispatch({ type: "edit", field: "reason", value })}
          after={
            <p class="feedback__support">
              Need an answer now? <a href="/contact-us/">Contact Support</a>.
            </p>
          }
        />
      )}

      <div class="field">
        <label for="feedback-name">Name (optional):</label>
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
        <label for="feedback-website">Leave this blank:</label>
        <input id="feedback-website" name={feedbackFields.honeypot} tabIndex={-1} autocomplete="off" />
      </div>

      <div class="field">
        <label for="feedback-comment">{props.wording.comment}</label>
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
              ? `Characters left: 0 (${-left} over the limit)`
              : `Characters left: ${left}`
            : `Up to ${feedbackLimits.comment} characters.`}
        </p>
        <p class="visually-hidden" aria-live="polite">
          {enhanced ? announcement : ""}
        </p>
      </div>

      <button type="submit" class="button" aria-disabled={state.status === "sending" ? "true" : undefined}>
        {state.status === "sending" ? "Sending…" : state.previous ? "Update feedback" : "Send feedback"}
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

function AnswerSummary({ answer, reasons }: { answer: Answer; reasons: Record<Reason, string> }) {
  const parts = [
    answer.values.rating && `Rating: ${ratingLabels[answer.values.rating]}`,
    answer.values.found && `Found what you needed: ${foundLabels[answer.values.found]}`,
    answer.values.reason && `What was wrong: ${reasons[answer.values.reason]}`,
    answer.values.comment && `Comment: “${answer.values.comment}”`,
  ].filter(Boolean);
  return (
    <ul class="feedback__answer">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}
