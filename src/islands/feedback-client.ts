import type { hc, InferRequestType, InferResponseType } from "hono/client";
import { type AppType, errorBodyOf } from "../shared/api-contract.ts";
import { feedbackRefusal, type RefusalWords } from "../shared/feedback-refusals.ts";
import { type FeedbackValues, type FieldErrors, foundAnswers, ratings, reasons } from "../shared/feedback-rules.ts";
import type { Answer } from "../shared/feedback-state.ts";
import { wholeSite } from "../shared/topic-id.ts";

export type { Answer } from "../shared/feedback-state.ts";

/**
 * The API's own types check what this module sends, at no cost in the bundle: hono/client
 * itself would add 2 KB to a page whose JavaScript budget is 12 KB.
 */
type FeedbackApi = ReturnType<typeof hc<AppType>>["api"]["feedback"];
type NewFeedback = InferRequestType<FeedbackApi["$post"]>["json"];
type ChangedFeedback = InferRequestType<FeedbackApi[":id"]["$put"]>["json"];
type Created = InferResponseType<FeedbackApi["$post"], 201>;

function send(method: "POST" | "PUT", path: string, body: NewFeedback | ChangedFeedback): Promise<Response> {
  return fetch(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}
const storageKey = (topic: string | undefined) => `help-center:feedback:${topic ?? wholeSite}`;

function isAnswer(value: unknown): value is Answer {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Partial<Answer>;
  const v = a.values as Partial<FeedbackValues> | undefined;
  return (
    typeof a.id === "string" &&
    typeof a.editToken === "string" &&
    typeof v?.name === "string" &&
    typeof v.comment === "string" &&
    (v.rating === undefined || ratings.includes(v.rating)) &&
    (v.found === undefined || foundAnswers.includes(v.found)) &&
    (v.reason === undefined || reasons.includes(v.reason))
  );
}

/** Storage can be full, blocked or hold something else: the form then simply starts empty. */
export function loadAnswer(topic: string | undefined): Answer | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(topic)) ?? "null");
    return isAnswer(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function saveAnswer(topic: string | undefined, answer: Answer): void {
  try {
    localStorage.setItem(storageKey(topic), JSON.stringify(answer));
  } catch {
    // Not remembering is acceptable; the feedback itself is already stored.
  }
}

export type SendResult =
  | { ok: true; answer: Answer }
  | { ok: false; problem: string | undefined; errors: FieldErrors | undefined };

/** The words the form says about a refusal and the network, in the page's language. */
type ProblemWords = RefusalWords & { unreachable: string };

/**
 * A refusal as the form shows it, in the page's language: worded from the API's code and the
 * fields it names, never from its `message`, which is the default language's (feedback-refusals.ts).
 */
async function failure(response: Response, values: FeedbackValues, words: ProblemWords, lang: string) {
  const error = errorBodyOf(await response.json().catch(() => undefined));
  const { errors, problem } = feedbackRefusal(error, values, words, lang);
  return { ok: false, problem, errors: Object.keys(errors).length > 0 ? errors : undefined } satisfies SendResult;
}

/**
 * Sends new feedback, or replaces the reader's earlier answer when there is one to replace;
 * `lang` is the page's, and `action` the plain form's address, which names it (`?lang=de`): the
 * answer is recorded in that language.
 */
export async function sendFeedback(
  topic: string | undefined,
  values: FeedbackValues,
  previous: Answer | undefined,
  words: ProblemWords,
  lang: string,
  action: string,
): Promise<SendResult> {
  const json: NewFeedback = {
    ...(topic ? { topic } : {}),
    ...(values.rating ? { rating: values.rating } : {}),
    ...(values.found ? { found: values.found } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
    name: values.name,
    comment: values.comment,
  };
  try {
    if (previous) {
      const path = action.replace("feedback", `feedback/${encodeURIComponent(previous.id)}`);
      const response = await send("PUT", path, { ...json, editToken: previous.editToken });
      if (response.ok) return { ok: true, answer: { ...previous, values } };
      if (response.status !== 404) return failure(response, values, words, lang);
      // The earlier answer is gone (or not ours any more): send this one as new.
    }
    const response = await send("POST", action, json);
    if (response.status !== 201) return failure(response, values, words, lang);
    const created: Created = await response.json();
    return { ok: true, answer: { id: created.id, editToken: created.editToken, values } };
  } catch {
    return { ok: false, problem: words.unreachable, errors: undefined };
  }
}
