import { formatLocalAndUtc } from "../../shared/dates.ts";
import type { Catalogue } from "../../shared/i18n/catalogues.ts";
import { formatMessage, type Message, type MessageValues } from "../../shared/i18n/format.ts";

/** The demo's part of a catalogue (src/shared/i18n/messages/). */
export type DemoWords = Catalogue["demo"];

/** How the demo speaks: its words in the page's language, counts and moments written for it. */
export interface DemoText {
  m: DemoWords;
  lang: string;
  f: (message: Message, values?: MessageValues) => string;
  /** A moment in the reader's time zone with UTC beside it, as the language writes dates. */
  time: (ms: number) => string;
}

/** `timeZone` is for tests; readers get their own. */
export function demoText(m: DemoWords, lang: string, timeZone?: string): DemoText {
  return {
    m,
    lang,
    f: (message, values) => formatMessage(message, lang, values),
    time: (ms) => formatLocalAndUtc(ms, lang, timeZone),
  };
}
