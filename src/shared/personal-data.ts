/**
 * What a reader may type that identifies a person: e-mail addresses, phone and card numbers.
 * Replaced by a placeholder before anything is stored (searches, comments), so it never reaches the
 * database, a backup or an employee's screen. Run on NFKC-normalised text, so full-width
 * digits and signs (＠, １２３) are the ASCII ones by then; other scripts' digits (Arabic-Indic
 * ٠١٢, Devanagari, Thai…) count as digits through `\p{Nd}`.
 */

export const emailPlaceholder = "[email]";
export const numberPlaceholder = "[number]";

/** Anything with an `@` inside a word: a whole address, or one still being typed ("anna@", "anna@exa"). */
const emailLike = /[^\s@]*@[^\s@]*/gu;

/**
 * Six or more digits in a row, or in groups joined by up to two spaces, dots, dashes, slashes
 * or brackets: card numbers ("4111 1111 1111 1111"), phone numbers ("+1 (555) 123-4567",
 * "030 1234 56"), account and order numbers.
 */
const longNumber = /\+?\(?\p{Nd}(?:[\s.\-/()]{0,2}\p{Nd}){5,}\)?/gu;

/** `text` with e-mail addresses and long numbers replaced by placeholders. */
export function redactPersonalData(text: string): string {
  return text.replace(emailLike, emailPlaceholder).replace(longNumber, numberPlaceholder);
}
