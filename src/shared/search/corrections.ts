import { editDistance } from "./edit-distance.ts";
import type { LoadedIndex } from "./find.ts";

/**
 * Corrections of words no topic has: the closest word of the index, shown as the pages write it.
 * Part of find.ts's search, apart so that each stays small.
 */

/** A correction is made only for a word this long, never to a stop word. */
const minCorrected = 4;

const isSwap = (a: string, b: string) =>
  a.length === b.length && [...a].sort().join("") === [...b].sort().join("") && editDistance(a, b, 1) === 1;

/** The closest known word to one no topic has, or undefined (see `minCorrected`). */
export function correctionOf(index: LoadedIndex, word: string): string | undefined {
  if (word.length < minCorrected || index.known.has(word) || /\d/.test(word)) return undefined;
  // One slip in a short word, two in a long one; and the first letter as typed (a slip there is
  // rare, and "matters" is not a typo of "battery").
  const limit = word.length < 8 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of index.byFrequency) {
    if (candidate[0] !== word[0] || candidate.length < minCorrected || index.analyzer.stopWords.has(candidate))
      continue;
    if (/\d/.test(candidate)) continue;
    // A four-letter word is corrected only for letters swapped ("crad" → "card"): one letter
    // changed makes another word too often ("tags" → "tabs").
    if (word.length === minCorrected && !isSwap(word, candidate)) continue;
    const distance = editDistance(word, candidate, Math.min(limit, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/** A word of the index as the pages write it. */
export const spelled = (index: LoadedIndex, word: string) => index.spellings.get(word) ?? word;

/**
 * What the reader typed, with only the corrected words changed ("temprary login" → "temporary
 * login"), each as the pages write it ("temporarer" → "temporären", not the folded "temporaren").
 */
export function withCorrections(
  index: LoadedIndex,
  typed: string,
  words: readonly string[],
  corrected: readonly string[],
) {
  const fixes = new Map(
    words.flatMap((w, i) =>
      corrected[i] === undefined || corrected[i] === w ? [] : [[w, spelled(index, corrected[i])]],
    ),
  );
  // A typed word as the index reads it ("ä" folded); one that reads as two ("login" is "sign in") was not
  // corrected. The others stay as typed.
  return typed.trim().replace(/[\p{L}\p{M}\p{N}]+/gu, (w) => {
    const read = index.analyzer.wordsOf(w);
    return (read.length === 1 && fixes.get(read[0] ?? "")) || w;
  });
}
