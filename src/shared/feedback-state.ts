import { asksWhyNot, type FeedbackField, type FeedbackValues, type FieldErrors } from "./feedback-rules.ts";

/** An answer this browser sent, kept so the reader can see and change it. */
export interface Answer {
  id: string;
  editToken: string;
  values: FeedbackValues;
}

export interface FeedbackState {
  status: "editing" | "sending" | "sent";
  values: FeedbackValues;
  errors: FieldErrors;
  /** A problem that belongs to no one field: the network, the rate limit, the server. */
  problem: string | undefined;
  /** The answer on record: shown when sent, replaced when the reader changes it. */
  previous: Answer | undefined;
  justSent: boolean;
  /** Where focus goes after this change; `revision` makes the same target apply again. */
  focus: "summary" | "thanks" | "form" | undefined;
  revision: number;
}

export type FeedbackEvent =
  | { type: "remembered"; answer: Answer }
  | { type: "change" }
  | { type: "edit"; field: FeedbackField; value: string }
  | { type: "invalid"; errors: FieldErrors }
  | { type: "send" }
  | { type: "sent"; answer: Answer }
  | { type: "failed"; problem: string | undefined; errors: FieldErrors | undefined };

export function initialFeedbackState(values: FeedbackValues, errors: FieldErrors, problem?: string): FeedbackState {
  return {
    status: "editing",
    values,
    errors,
    problem,
    previous: undefined,
    justSent: false,
    focus: undefined,
    revision: 0,
  };
}

/** "Say something" sits on the rating; any of rating, found or comment answers it. */
const answersNothingToSend: readonly FeedbackField[] = ["rating", "found", "comment"];

function withoutError(errors: FieldErrors, field: FeedbackField): FieldErrors {
  const next = { ...errors };
  delete next[field];
  if (answersNothingToSend.includes(field) && field !== "rating") delete next.rating;
  return next;
}

/** The feedback form as a state machine: editing → sending → sent, and back to editing to change it. */
export function feedbackReducer(state: FeedbackState, event: FeedbackEvent): FeedbackState {
  const bump = { revision: state.revision + 1 };
  switch (event.type) {
    case "remembered":
      return {
        ...state,
        status: "sent",
        previous: event.answer,
        values: event.answer.values,
        justSent: false,
        focus: undefined,
      };
    case "change":
      return {
        ...state,
        status: "editing",
        values: state.previous?.values ?? state.values,
        errors: {},
        problem: undefined,
        focus: "form",
        ...bump,
      };
    case "edit": {
      const values = { ...state.values, [event.field]: event.value };
      // A reason belongs to a No or an Average/Poor rating: answering otherwise takes it away.
      if (!asksWhyNot(values)) values.reason = undefined;
      return { ...state, values, errors: withoutError(state.errors, event.field) };
    }
    case "invalid":
      return { ...state, status: "editing", errors: event.errors, problem: undefined, focus: "summary", ...bump };
    case "send":
      return { ...state, status: "sending", problem: undefined };
    case "sent":
      return {
        ...state,
        status: "sent",
        previous: event.answer,
        values: event.answer.values,
        errors: {},
        justSent: true,
        focus: "thanks",
        ...bump,
      };
    case "failed":
      return {
        ...state,
        status: "editing",
        problem: event.problem,
        errors: event.errors ?? {},
        focus: "summary",
        ...bump,
      };
  }
}
