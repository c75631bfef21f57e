/**
 * Messages as the catalogues write them (src/shared/i18n/messages/): text with `{name}` slots, or,
 * for a count, one text per plural category of the language (`one`, `other`; Arabic has six).
 * Pure and small: the islands format their own messages with it.
 */

/** A plural message: the forms a language's counts take, `other` always among them. */
export type PluralMessage = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, "other">, string>>;
export type Message = string | PluralMessage;
export type MessageValues = Readonly<Record<string, string | number>>;

/*
 * Intl's formatters are made per call: a page formats a handful of messages, and the code stays
 * small enough for the feedback form's JavaScript budget.
 */

/** The form of a plural message for `count` in `lang`. */
export const pluralForm = (message: PluralMessage, count: number, lang: string): string =>
  message[new Intl.PluralRules(lang).select(count)] ?? message.other;

/** The names of a text's `{slots}`, in order. */
export const slotsOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

/**
 * A message's parts with each `{slot}` replaced by its value: text stays text, and a value that is
 * markup (a link) stays whole, so a page can put a link inside a translated sentence. A slot
 * without a value is left as written, so a mistake shows rather than vanishes.
 */
export const messageParts = <T>(text: string, values: Readonly<Record<string, T>>): (string | T)[] =>
  // Split on a capturing pattern: text at even places, slot names at odd ones.
  text.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : part in values ? (values[part] as T) : `{${part}}`));

/** A message as text in `lang`: its plural form for `count`, its slots filled, numbers written as the language writes them. */
export function formatMessage(message: Message, lang: string, values: MessageValues = {}): string {
  const text = typeof message === "string" ? message : pluralForm(message, Number(values.count ?? 0), lang);
  const shown: Record<string, string> = {};
  // A number as the language writes it ("1,000", "1.000").
  for (const name in values) shown[name] = values[name]?.toLocaleString(lang) ?? "";
  return messageParts(text, shown).join("");
}
