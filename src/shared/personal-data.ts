/**
 * What a reader may type that identifies a person: e-mail addresses, phone and card numbers.
 * Replaced by a placeholder before anything is stored (searches, comments), so it never reaches
 * the database, a backup or an employee's screen. The text is scanned once, word by word (a
 * pattern that searches a long run of text for an `@` backtracks over it quadratically), and
 * digits of any script (Arabic-Indic ٠١٢, Devanagari, full-width…) count through `\p{Nd}`.
 */

export const emailPlaceholder = "[email]";
export const numberPlaceholder = "[number]";

/** The at signs readers type: ASCII, full-width, small. */
const atSign = /[@＠﹫]/u;
/** Characters that show nothing (zero-width space, soft hyphen, word joiner): they never separate. */
const invisible = /\p{Cf}/gu;

/** A word with an at sign and something beside it: a whole address, or one still being typed. */
const isEmailLike = (word: string) => atSign.test(word) && word.replace(/[@＠﹫]/gu, "") !== "";

/**
 * Replaces e-mail-like words, and an address typed with spaces around its at sign ("anna @
 * example.com"), keeping the spaces between other words as they were.
 */
function redactEmails(text: string): string {
  const parts = text.split(/(\s+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? "";
    if (isEmailLike(word)) parts[i] = emailPlaceholder;
    else if (/^[@＠﹫]$/u.test(word) && parts[i - 2] && parts[i + 2] && /[.]/.test(parts[i + 2] ?? "")) {
      parts.splice(i - 2, 5, emailPlaceholder);
      i -= 2;
    }
  }
  return parts.join("");
}

/**
 * Six or more digits in a row, or in groups joined by up to three spaces, dots, dashes (any
 * script's), slashes, underscores, middle dots or brackets: card numbers ("4111 1111 1111 1111"),
 * phone numbers ("+1 (555) 123-4567", "01.23.45.67.89"), account and order numbers. A run
 * attached to letters is a code, not a number a person has ("0x80070005", "KB5034441"), and a
 * date is a date ("2026-12-01", "12/01/2026"). Each step is one or more characters of a class the
 * next cannot start with, so the scan is linear.
 */
const longNumber = /(?<![\p{L}\p{Nd}])\+?\(?\p{Nd}+(?:[\s.\p{Pd}/()_·]{1,3}\p{Nd}+)*\)?(?![\p{L}\p{Nd}])/gu;
const date = /^(?:\p{Nd}{4}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{1,2}|\p{Nd}{1,2}[-/.]\p{Nd}{1,2}[-/.]\p{Nd}{2,4})$/u;
const digitCount = (text: string) => text.match(/\p{Nd}/gu)?.length ?? 0;

function redactNumbers(text: string): string {
  return text.replace(longNumber, (run) => (digitCount(run) >= 6 && !date.test(run) ? numberPlaceholder : run));
}

/** `text` with e-mail addresses and long numbers replaced by placeholders. */
export function redactPersonalData(text: string): string {
  return redactNumbers(redactEmails(text.replace(invisible, "")));
}
