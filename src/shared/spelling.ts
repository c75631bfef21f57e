import { redactPersonalData } from "./personal-data.ts";

/**
 * Did-you-mean for search: each word of a query the index does not know is replaced by the
 * closest word it does know, by edit distance. Pure, so the suggestion box and the search page
 * share it and unit tests pin it down.
 */

/** Words of a query as the index sees them: lower case, letters and digits. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Short words tolerate one slip, longer ones two; words under four letters are left alone. */
const allowedSlips = (word: string) => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2);

/**
 * The closest known word, or undefined when the word is known, could still be typed into one
 * (a prefix, while typing), or nothing is close. `vocabulary` is ordered most frequent first,
 * which breaks ties.
 */
export function closestWord(
  word: string,
  vocabulary: readonly string[],
  known: ReadonlySet<string>,
): string | undefined {
  if (known.has(word)) return undefined;
  const limit = allowedSlips(word);
  if (limit === 0 || vocabulary.some((candidate) => candidate.startsWith(word))) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of vocabulary) {
    const distance = editDistance(word, candidate, Math.min(limit, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/** The query with its unknown words corrected, or undefined when nothing needed correcting. */
export function correctedQuery(
  query: string,
  vocabulary: readonly string[],
  known = new Set(vocabulary),
): string | undefined {
  let changed = false;
  const words = queryWords(query).map((word) => {
    const fixed = closestWord(word, vocabulary, known);
    if (fixed) changed = true;
    return fixed ?? word;
  });
  return changed ? words.join(" ") : undefined;
}

/** Words as `queryWords` finds them, and the placeholders of redacted personal data. */
const recordedWords = /\[(?:email|number)\]|[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * A search as it is recorded and counted: e-mail addresses and long numbers replaced by
 * placeholders (personal-data.ts), then its words, lower case, one space apart, as many whole
 * words as fit in 100 characters (code points, as SQLite counts them).
 */
export function normalizeQuery(query: string): string {
  const words = redactPersonalData(query.normalize("NFKC")).toLowerCase().match(recordedWords) ?? [];
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
