import { Component, createRef } from "preact";
import { FeedbackFormView } from "../shared/components/FeedbackFormView.tsx";
import { type FeedbackFormMessages, feedbackFormMessages } from "../shared/feedback-messages.ts";
import { charactersLeft, emptyFeedback, validateFeedback } from "../shared/feedback-rules.ts";
import {
  type FeedbackEvent,
  type FeedbackState,
  feedbackReducer,
  initialFeedbackState,
} from "../shared/feedback-state.ts";
import { formatMessage } from "../shared/i18n/format.ts";
import { loadAnswer, saveAnswer, sendFeedback } from "./feedback-client.ts";
import { catalogueWords, type FeedbackWords, loadIslandWords } from "./island-words.ts";

/** The form's words in the page's language, loaded before the island hydrates (see island-words.ts). */
const loadedWords = import.meta.env.SSR ? undefined : await loadIslandWords("feedback");

export interface FeedbackFormProps {
  /** Topic id; absent for feedback on the help center as a whole. */
  topic?: string;
  /** Where the plain HTML form posts. */
  action: string;
  /** Contact us, in the page's language. */
  supportHref: string;
  /** The page's language: the server renders the form's words in it, the browser loads them. */
  lang: string;
}

/** How long typing must pause before the characters left are announced. */
const announceDelayMs = 1500;

interface ViewState extends FeedbackState {
  /** True once hydrated: the live counter replaces the static hint. */
  enhanced: boolean;
  /** The polite announcement, updated only when typing pauses. */
  announcement: string;
}

/**
 * A class rather than hooks: `preact/hooks` would add 1.2 KB to a page whose JavaScript
 * budget is 12 KB. The logic is the pure state machine in `src/shared/feedback-state.ts`, the
 * markup `src/shared/components/FeedbackFormView.tsx`, which the server renders too.
 */
export default class FeedbackForm extends Component<FeedbackFormProps, ViewState> {
  private summaryRef = createRef<HTMLDivElement>();
  private thanksRef = createRef<HTMLDivElement>();
  private firstFieldRef = createRef<HTMLInputElement>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(props: FeedbackFormProps) {
    super(props);
    this.state = {
      // It starts empty: a form the server sends back with what a reader typed is its own page
      // (functions/app/feedback/feedback-form-page.tsx), without this island.
      ...initialFeedbackState(emptyFeedback, {}),
      enhanced: false,
      announcement: "",
    };
  }

  private dispatch = (event: FeedbackEvent) => this.setState((state) => feedbackReducer(state, event));

  /** Every word the form says, worded for what is rated (see feedback-messages.ts). */
  private readonly messages: FeedbackFormMessages = feedbackFormMessages(
    import.meta.env.SSR ? catalogueWords("feedback", this.props.lang) : (loadedWords as FeedbackWords),
    this.props.topic,
  );

  private leftMessage(left: number): string {
    const { messages } = this;
    return formatMessage(left < 0 ? messages.overAnnounced : messages.leftAnnounced, this.props.lang, {
      count: Math.abs(left),
    });
  }

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
        () => this.setState({ announcement: this.leftMessage(charactersLeft(this.state.values.comment)) }),
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
    const errors = validateFeedback(values, this.messages, this.props.lang);
    if (Object.keys(errors).length > 0) return this.dispatch({ type: "invalid", errors });
    this.dispatch({ type: "send" });
    const result = await sendFeedback(topic, values, previous, this.messages, this.props.lang, this.props.action);
    if (result.ok) {
      saveAnswer(topic, result.answer);
      return this.dispatch({ type: "sent", answer: result.answer });
    }
    this.dispatch({ type: "failed", problem: result.problem, errors: result.errors });
  };

  override render() {
    const { topic, action, supportHref, lang } = this.props;
    const { messages } = this;
    return (
      <FeedbackFormView
        topic={topic}
        action={action}
        supportHref={supportHref}
        messages={messages}
        lang={lang}
        state={this.state}
        enhanced={this.state.enhanced}
        announcement={this.state.announcement}
        dispatch={this.dispatch}
        onSubmit={this.submit}
        refs={{ summary: this.summaryRef, thanks: this.thanksRef, firstField: this.firstFieldRef }}
      />
    );
  }
}
