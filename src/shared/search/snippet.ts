import { type Analyzer, english } from "./analyzers.ts";

/**
 * The passage of a topic's text that best shows why it was found: the stretch holding the most of
 * the matched words, starting at its sentence when that is near (else at a word, after "…"), the
 * matched words marked (never a stop word). Returns HTML: the text escaped, only <mark> added.
 */

const windowWords = 28;
/** How far back a snippet may reach for the start of its sentence. */
const sentenceReach = 12;
/** Without one near, the words kept before the first match. */
const leadWords = 6;

/** Text made safe as element content: what snippets and descriptions are shown as. */
export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Token {
  start: number;
  end: number;
  marked: boolean;
  /** A sentence begins at this token. */
  opens: boolean;
}

function tokensOf(text: string, matched: ReadonlySet<string>, { wordsOf, stem, stopWords }: Analyzer): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    // As search read it: "can't" is "cannot", "Login" is "sign in".
    const words = wordsOf(m[0]).filter((w) => !stopWords.has(w));
    const start = m.index ?? 0;
    const between = text.slice(previousEnd, start);
    tokens.push({
      start,
      end: start + m[0].length,
      marked: words.some((w) => matched.has(stem(w))),
      // A full stop ends a sentence only before a space ("example.com", "2.3" and "e.g." do not).
      opens: tokens.length === 0 || /[.!?]["')\]]*\s+$/.test(between),
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

/** A snippet of `text` around the words whose stems are in `matched` (as `analyzer` stems); undefined when none occurs. */
export function snippetOf(
  text: string,
  matched: readonly string[],
  { maxWords = windowWords, analyzer = english }: { maxWords?: number; analyzer?: Analyzer } = {},
): string | undefined {
  const tokens = tokensOf(text, new Set(matched), analyzer);
  if (!tokens.some((t) => t.marked)) return undefined;
  // The window with the most marked words; of equals, the first.
  let bestStart = 0;
  let best = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]?.marked) continue;
    let count = 0;
    const seen = new Set<string>();
    for (let j = i; j < Math.min(tokens.length, i + maxWords); j++) {
      const t = tokens[j] as Token;
      if (t.marked) {
        const w = text.slice(t.start, t.end).toLowerCase();
        count += seen.has(w) ? 0.25 : 1;
        seen.add(w);
      }
    }
    if (count > best) {
      best = count;
      bestStart = i;
    }
  }
  // Its sentence's start when that is near; else a few words of what leads up to it.
  let from = Math.max(0, bestStart - leadWords);
  for (let back = bestStart; back >= Math.max(0, bestStart - sentenceReach); back--) {
    if (tokens[back]?.opens) {
      from = back;
      break;
    }
  }
  // To the end of the best window even when the start reached back for its sentence.
  const to = Math.min(tokens.length, Math.max(from + maxWords, bestStart + maxWords - leadWords));
  const first = tokens[from] as Token;
  const last = tokens[to - 1] as Token;
  let html = first.opens ? "" : "… ";
  let at = first.start;
  for (const t of tokens.slice(from, to)) {
    html += escapeHtml(text.slice(at, t.start));
    const word = escapeHtml(text.slice(t.start, t.end));
    html += t.marked ? `<mark>${word}</mark>` : word;
    at = t.end;
  }
  const ending = text.slice(last.end, last.end + 1);
  html += to < tokens.length ? (/[.!?]/.test(ending) ? ending : " …") : escapeHtml(text.slice(last.end));
  return html;
}
