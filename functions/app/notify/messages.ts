import { plural } from "../dashboard/attention-words.ts";
import { foundLabels, ratingLabels, reasonLabels } from "../feedback/feedback-words.ts";
import type { AnswerEvent, DigestEvent, WriterEvent } from "./events.ts";
import type { WebhookFormat } from "./webhook-settings.ts";

/**
 * An event as the chat reads it. What readers wrote (comments, names, searches) never becomes
 * markup: Slack gets it as plain text or with `& < >` escaped (its only link syntax), Teams as
 * text runs, which take no Markdown, so a comment cannot mention @channel or hide a link.
 */

interface Line {
  /** Our own words around what readers wrote. */
  text: string;
  bold?: boolean;
  link?: string;
}

interface Message {
  /** The one-line summary notifications show. */
  summary: string;
  /** Paragraphs of runs. */
  paragraphs: Line[][];
  actions: { title: string; url: string }[];
}

const answerHeadline = (e: AnswerEvent) =>
  [
    e.rating ? `rated it ${ratingLabels[e.rating]}` : undefined,
    e.found ? `found what they needed: ${foundLabels[e.found]}` : undefined,
    e.reason ? `why: ${reasonLabels[e.reason]}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");

function answerMessage(e: AnswerEvent): Message {
  const title = e.topic?.title ?? "the help center";
  const who = e.fromEmployee ? "An employee" : e.name ? `${e.name} (a reader)` : "A reader";
  return {
    summary: `${who} on “${title}” (${e.language}): ${answerHeadline(e)}`,
    paragraphs: [
      [
        { text: `${who} on ` },
        { text: title, bold: true, ...(e.topic?.url ? { link: e.topic.url } : {}) },
        { text: ` (${e.language}): ${answerHeadline(e)}` },
      ],
      [{ text: e.comment }],
    ],
    actions: [{ title: "Open in the dashboard", url: e.dashboardUrl }],
  };
}

/**
 * Topics listed by name in a digest: a chat message has room for a few (Slack takes 50 blocks),
 * and the first digest finds every topic already on the list "entering" it.
 */
export const enteringShown = 10;

/** "(English 8, German 4)": the answers in each language, when there were any. */
const perLanguage = (counts: { language: string; answers: number }[] = []) =>
  counts.length === 0 ? "" : ` (${counts.map((c) => `${c.language} ${c.answers}`).join(", ")})`;

function digestMessage(e: DigestEvent): Message {
  const { total, unhelpful, comments } = e.answers;
  const more = e.entering.length - enteringShown;
  const entering: Line[][] = e.entering.length
    ? [
        [{ text: "Now needing attention", bold: true }],
        ...e.entering
          .slice(0, enteringShown)
          .map((t) => [{ text: t.title, bold: true, link: t.url }, { text: `: ${t.why.join("; ")}` }]),
        ...(more > 0 ? [[{ text: `and ${plural(more, "more topic")}, listed in the dashboard.` }]] : []),
      ]
    : [[{ text: "No topic started needing attention." }]];
  const searches: Line[][] = e.failedSearches.length
    ? [
        [{ text: "Searches that found nothing", bold: true }],
        [
          {
            text: e.failedSearches
              .map((s) => `“${s.query}” (${s.language ? `${s.language}, ` : ""}${s.searches})`)
              .join(", "),
          },
        ],
      ]
    : [];
  return {
    summary: `Help center, ${e.day}: ${plural(total, "answer")}, ${unhelpful} Poor or No, ${plural(comments, "comment")}`,
    paragraphs: [
      [{ text: `Help center digest, ${e.day}`, bold: true }],
      [
        {
          text: `${plural(total, "answer")} since the last digest${perLanguage(e.answers.byLanguage)}: ${unhelpful} Poor or No, ${plural(comments, "comment")}.`,
        },
      ],
      ...entering,
      ...searches,
    ],
    actions: [{ title: "Open the dashboard", url: e.dashboardUrl }],
  };
}

const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function slackRun(line: Line): string {
  const text = slackEscape(line.text);
  const linked = line.link ? `<${line.link}|${text.replace(/\|/g, "¦")}>` : text;
  return line.bold ? `*${linked}*` : linked;
}

function forSlack(m: Message) {
  return {
    text: slackEscape(m.summary),
    blocks: [
      ...m.paragraphs.map((runs) => ({ type: "section", text: { type: "mrkdwn", text: runs.map(slackRun).join("") } })),
      {
        type: "actions",
        elements: m.actions.map((a) => ({ type: "button", text: { type: "plain_text", text: a.title }, url: a.url })),
      },
    ],
  };
}

function forTeams(m: Message) {
  return {
    type: "message",
    summary: m.summary,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: m.paragraphs.map((runs) => ({
            type: "RichTextBlock",
            inlines: runs.map((line) => ({
              type: "TextRun",
              text: line.text,
              ...(line.bold ? { weight: "Bolder" } : {}),
              ...(line.link ? { selectAction: { type: "Action.OpenUrl", url: line.link } } : {}),
            })),
          })),
          actions: m.actions.map((a) => ({ type: "Action.OpenUrl", title: a.title, url: a.url })),
        },
      },
    ],
  };
}

/** The JSON body posted for an event, in the receiver's format. */
export function messageBody(event: WriterEvent, format: WebhookFormat): string {
  const message = event.type === "answer" ? answerMessage(event) : digestMessage(event);
  return JSON.stringify(format === "slack" ? forSlack(message) : forTeams(message));
}
