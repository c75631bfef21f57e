import { Component, createRef, type RefObject } from "preact";
import {
  charactersLeft,
  emptyFeedback,
  type FeedbackField,
  type FeedbackValues,
  type FieldErrors,
  feedbackFields,
  feedbackLimits,
  feedbackOrder,
  foundAnswers,
  foundLabels,
  ratingLabels,
  ratings,
  validateFeedback,
} from "../shared/feedback-rules.ts";
import {
  type FeedbackEvent,
  type FeedbackState,
  feedbackReducer,
  initialFeedbackState,
} from "../shared/feedback-state.ts";
import { type Answer, forgetAnswer, loadAnswer, saveAnswer, sendFeedback } from "./feedback-client.ts";

export interface FeedbackFormProps {
  /** Topic id; absent for feedback on the help center as a whole. */
  topic?: string;
  /** Where the plain HTML form posts. */
  action: string;
  /** What the server kept when it sent the form back without JavaScript. */
  initialValues?: FeedbackValues;
  initialErrors?: FieldErrors;
  initialProblem?: string;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/** How long typing must pause before the characters left are announced. */
const announceDelayMs = 1500;

interface ViewState extends FeedbackState {
  /** True once hydrated: the live counter replaces the static hint. */
  enhanced: boolean;
  /** The polite announcement, updated only when typing pauses. */
  announcement: string;
}

const leftMessage = (left: number) => (left < 0 ? `${-left} characters over the limit` : `${left} characters left`);

/**
 * A class rather than hooks: `preact/hooks` would add 1.2 KB to a page whose JavaScript
 * budget is 12 KB. The logic is the pure state machine in feedback-state.ts.
 */
export default class FeedbackForm extends Component<FeedbackFormProps, ViewState> {
  private summaryRef = createRef<HTMLDivElement>();
  private thanksRef = createRef<HTMLDivElement>();
  private firstFieldRef = createRef<HTMLInputElement>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(props: FeedbackFormProps) {
    super(props);
    this.state = {
      ...initialFeedbackState(props.initialValues ?? emptyFeedback, props.initialErrors ?? {}, props.initialProblem),
      enhanced: false,
      announcement: "",
    };
  }

  private dispatch = (event: FeedbackEvent) => this.setState((state) => feedbackReducer(state, event));

  override componentDidMount() {
    const answer = loadAnswer(this.props.topic);
    this.setState({ enhanced: true });
    if (answer) this.dispatch({ type: "remembered", answer });
  }

  override componentDidUpdate(_: FeedbackFormProps, before: ViewState) {
    const { focus, revision, values } = this.state;
    if (revision !== before.revision) {
      if (focus === "summary") this.summaryRef.current?.focus();
      if (focus === "thanks") this.thanksRef.current?.focus();
      if (focus === "form") this.firstFieldRef.current?.focus();
    }
    if (values.comment !== before.values.comment) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(
        () => this.setState({ announcement: leftMessage(charactersLeft(this.state.values.comment)) }),
        announceDelayMs,
      );
    }
  }

  override componentWillUnmount() {
    clearTimeout(this.announceTimer);
  }

  private submit = async (event: Event) => {
    event.preventDefault();
    const { topic } = this.props;
    const { status, values, previous } = this.state;
    if (status === "sending") return;
    const errors = validateFeedback(values);
    if (Object.keys(errors).length > 0) return this.dispatch({ type: "invalid", errors });
    this.dispatch({ type: "send" });
    const result = await sendFeedback(topic, values, previous);
    if (result.ok) {
      saveAnswer(topic, result.answer);
      return this.dispatch({ type: "sent", answer: result.answer });
    }
    if (result.forgetPrevious) forgetAnswer(topic);
    this.dispatch({ type: "failed", problem: result.problem, errors: result.errors });
  };

  override render() {
    const { topic, action } = this.props;
    const state = this.state;
    const dispatch = this.dispatch;
    const left = charactersLeft(state.values.comment);

    if (state.status === "sent") {
      return (
        <div class="feedback__thanks" role="status" tabIndex={-1} ref={this.thanksRef}>
          <p>
            <strong>
              {state.justSent ? "Thank you for your feedback." : "You already sent feedback on this page."}
            </strong>
          </p>
          <AnswerSummary answer={state.previous ?? { id: "", editToken: "", values: state.values }} />
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
      <form class="feedback__form" method="post" action={action} noValidate onSubmit={this.submit}>
        {topic && <input type="hidden" name={feedbackFields.topic} value={topic} />}
        {(hasErrors || state.problem) && (
          <div
            class="error-summary"
            role="alert"
            tabIndex={-1}
            ref={this.summaryRef}
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
          legend="Please rate this topic."
          options={ratings.map((r) => ({ value: r, label: ratingLabels[r] }))}
          value={values.rating}
          error={errors.rating}
          firstRef={this.firstFieldRef}
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
          <label for="feedback-comment">Please tell us how we can make this topic more helpful.</label>
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
            {state.enhanced
              ? left < 0
                ? `Characters left: 0 (${-left} over the limit)`
                : `Characters left: ${left}`
              : `Up to ${feedbackLimits.comment} characters.`}
          </p>
          <p class="visually-hidden" aria-live="polite">
            {state.enhanced ? state.announcement : ""}
          </p>
        </div>

        <button type="submit" class="button" aria-disabled={state.status === "sending" ? "true" : undefined}>
          {state.status === "sending" ? "Sending…" : state.previous ? "Update feedback" : "Send feedback"}
        </button>
      </form>
    );
  }
}

/** A labelled group of radio buttons, its error beside it and announced with it. */
function RadioGroup(props: {
  field: "rating" | "found";
  legend: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  error: string | undefined;
  firstRef?: RefObject<HTMLInputElement>;
  onPick: (value: string) => void;
}) {
  const errorId = props.error ? `feedback-${props.field}-error` : undefined;
  return (
    <fieldset id={`feedback-${props.field}`} aria-describedby={errorId}>
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
              {...(index === 0 && props.firstRef ? { ref: props.firstRef } : {})}
              aria-invalid={props.error ? "true" : undefined}
              onChange={() => props.onPick(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AnswerSummary({ answer }: { answer: Answer }) {
  const parts = [
    answer.values.rating && `Rating: ${ratingLabels[answer.values.rating]}`,
    answer.values.found && `Found what you needed: ${foundLabels[answer.values.found]}`,
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
