import { redactPersonalData } from "../personal-data.ts";

/** Words (letters, marks and digits, joined by hyphens or apostrophes), and the placeholders of redacted personal data. */
const recordedWords = /\[(?:email|number)\]|[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * A search as it is recorded and counted: e-mail addresses and long numbers replaced by
 * placeholders (personal-data.ts), then its words, lower case, one space apart, as many whole
 * words as fit in 100 characters (code points, as SQLite counts them).
 */
export function normalizeQuery(query: string): string {
  // A phone's curly apostrophe is the same word as a keyboard's straight one ("can’t", "can't").
  const typed = query.normalize("NFKC").replace(/[’‘`ʼ]/g, "'");
  const words = redactPersonalData(typed).toLowerCase().match(recordedWords) ?? [];
  let recorded = "";
  for (const word of words) {
    const longer = recorded ? `${recorded} ${word}` : word;
    if ([...longer].length > 100) {
      // By code points: half a surrogate pair would be a broken character (and refused).
      recorded ||= [...word].slice(0, 100).join("");
      break;
    }
    recorded = longer;
  }
  return recorded;
}
