/**
 * Words as search sees them, the same at build time (the index) and in the browser (the query):
 * lower case, NFKC, apostrophes folded ("can't" → "cannot"), each reduced to a stem so that
 * "invoices", "invoiced" and "invoicing" meet at "invoic". Pure and dependency-free: the
 * suggestion box loads it on focus.
 */

/**
 * Words that carry no topic on their own. They never make a result, and are left out when other
 * words are present; kept out of snippets' marks too.
 */
export const stopWords: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by can could did do does doing for from had has have how i if in into is it its " +
    "me my of on or our so than that the their them then there these they this to us was we were what when where " +
    "which who why will with would you your yours i'm i've it's please help get got " +
    // What questions are wrapped in: "where can I find…", "I want to…", "it won't let me…".
    "find want need let someone something way able all any also just"
  ).split(" "),
);

/**
 * Contractions readers type, as the words topics use. A Map, not an object: a reader's word such as
 * "constructor" must not find what every object inherits.
 */
const contractions = new Map<string, string[]>(
  Object.entries({
    "can't": "cannot",
    cant: "cannot",
    "won't": "will not",
    wont: "will not",
    "don't": "do not",
    dont: "do not",
    "doesn't": "does not",
    doesnt: "does not",
    "didn't": "did not",
    didnt: "did not",
    "isn't": "is not",
    isnt: "is not",
    "aren't": "are not",
    "couldn't": "could not",
    couldnt: "could not",
    "wasn't": "was not",
    "haven't": "have not",
    // One name for signing in, however a reader or a writer calls it.
    login: "sign in",
    logon: "sign in",
    signin: "sign in",
  }).map(([word, meaning]) => [word, meaning.split(" ")]),
);

/** "log in", "log on" and "log into" are signing in; "log" alone stays a log. */
function signingIn(words: string[]): string[] {
  return words.map((word, i) => (word === "log" && /^(in|on|into|onto)$/.test(words[i + 1] ?? "") ? "sign" : word));
}

/** The words of a text, lower case, in order; an apostrophe inside a word is kept for contractions. */
export function wordsOf(text: string): string[] {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)*/gu);
  if (!words) return [];
  const read: string[] = [];
  for (const word of words) {
    const meaning = contractions.get(word);
    if (meaning) read.push(...meaning);
    else read.push(word.includes("'") ? word.replace(/'s$/, "").replace(/'/g, "") : word);
  }
  return signingIn(read);
}

const vowel = /[aeiouy]/;

/**
 * A light English stemmer (the plural, -ing, -ed, -ly, -ation and final-e steps of Porter's),
 * good enough to join the forms readers type with the forms topics use, and predictable enough
 * to be tested word by word. Short words and words with digits are left alone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ["ingly", "edly", "ing", "ed"]) {
    const rest = w.slice(0, -suffix.length);
    // "exceed", "speed": the e belongs to the word
    if (suffix === "ed" && rest.endsWith("e")) break;
    if (w.endsWith(suffix) && rest.length >= 3 && vowel.test(rest)) {
      w = rest;
      // stopped → stop, but fall → fall; updated → update, saving → save (the e came off with the ending)
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (/(at|bl|iz)$/.test(w) || (w.length <= 4 && /[^aeiou][aeiouy][^aeiouwxy]$/.test(w))) w = `${w}e`;
      break;
    }
  }
  if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  // authentication, authenticator, authenticate → authentic; encryption → encrypt
  if (w.endsWith("ation") && w.length > 7) w = `${w.slice(0, -3)}e`;
  else if (w.endsWith("ator") && w.length > 7) w = `${w.slice(0, -2)}e`;
  if (w.endsWith("ate") && w.length >= 8) w = w.slice(0, -3);
  if (/[st]ion$/.test(w) && w.length > 6) w = w.slice(0, -3);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (/[^aeiou]y$/.test(w) && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}

/** The stems of a text, in order (stop words included: phrases are matched on the whole). */
export const stemsOf = (text: string): string[] => wordsOf(text).map(stem);
