import { stem as englishStem, stopWords as englishStopWords, wordsOf as englishWordsOf } from "./words.ts";

/**
 * Words as one language's search sees them, the same at build time (the index) and in the browser
 * (the query): the words of a text, each word's stem, and the words that carry no topic. English
 * is words.ts; the others below fold what readers leave out when they type (umlauts, accents,
 * Arabic's short vowels and letter variants) and take the common endings off. Light by design:
 * predictable, tested word by word, small enough for the search page's JavaScript budget.
 */
export interface Analyzer {
  wordsOf(text: string): string[];
  /**
   * The same words as written, lower case but not folded ("temporären" where `wordsOf` has
   * "temporaren"), each at the place of its folded form: what a reader is shown of a word.
   */
  writtenWordsOf(text: string): string[];
  stem(word: string): string;
  stopWords: ReadonlySet<string>;
}

const setOf = (words: string) => new Set(words.split(" "));

/** `read`, remembering its answer for each word: texts share most of their words. */
export function oncePerWord(read: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = read(word);
      known.set(word, answer);
    }
    return answer;
  };
}

const german = {
  stopWords: setOf(
    "der die das den dem des ein eine einen einem einer eines und oder aber ist sind war wird werden wie was wo wer " +
      "warum wann ich du er sie es wir ihr mein meine mich mir sich in im an am auf aus bei mit nach von vor zu zum zur " +
      "für fur über uber unter um nicht kein keine kann können konnen muss will möchte mochte soll auch noch nur so dass " +
      "hilfe finden bitte ja",
  ),
  /**
   * ä → a and ß → ss, and ae, oe, ue as a reader without a German keyboard writes ä, ö, ü ("fuer",
   * "Schluessel"), so both find the same words: ue stays after e, i, q or y ("neue", "Quelle"), as
   * German normalisation has it (Lucene's GermanNormalizationFilter).
   */
  fold: (word: string) =>
    word
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/ß/g, "ss")
      .replace(/([ao])e/g, "$1")
      .replace(/(?<![eiqy])ue/g, "u"),
  stem(word: string): string {
    if (word.length <= 4 || /\d/.test(word)) return word;
    for (const ending of ["ungen", "ung", "ern", "em", "en", "er", "es", "e", "s", "n"]) {
      if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
    }
    return word;
  },
};

const spanish = {
  stopWords: setOf(
    "el la los las un una unos unas y o pero es son era fue como que qué cuál donde dónde cuando cuándo por para con " +
      "sin de del al en a mi mis me se su sus lo le les no si sí ya muy más mas este esta esto ese esa hay puedo puede " +
      "quiero necesito ayuda encontrar hacer cómo",
  ),
  // á → a, but ñ stays ñ: "año" is not "ano".
  fold: (word: string) =>
    word
      .normalize("NFD")
      .replace(/(?!\u0303)\p{M}/gu, "")
      .normalize("NFC"),
  stem(word: string): string {
    if (word.length <= 4 || /\d/.test(word)) return word;
    let w = word;
    if (w.endsWith("ciones")) w = `${w.slice(0, -6)}cion`;
    else if (w.endsWith("es") && w.length > 5) w = w.slice(0, -2);
    else if (w.endsWith("s")) w = w.slice(0, -1);
    // Gender and the endings of a verb's infinitive, so "temporal", "temporales" and "vincular", "vincule" meet.
    return w.length > 4 ? w.replace(/(ar|er|ir|a|o|e)$/, "") : w;
  },
};

const arabic = {
  stopWords: setOf(
    "في من على إلى الى عن مع هل ما ماذا كيف لماذا متى أين اين هو هي هذا هذه ذلك تلك أن ان أو او ثم قد لا لم لن كل " +
      "بعد قبل عند التي الذي الذين انا أنا نحن انت أنت كان يكون يمكن اريد أريد مساعدة",
  ),
  /**
   * Short vowels and tatweel out; the forms of alef, ya and ta marbuta as readers type them; and
   * the Arabic-Indic and Persian digits an Arabic keyboard types (٢٤) as the 24 the pages write.
   */
  fold: (word: string) =>
    word
      .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[أإآ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه"),
  stem(word: string): string {
    if (/\d/.test(word)) return word;
    let w = word;
    // The article and the particles written onto it: ال، وال، بال، كال، فال، لل.
    for (const prefix of ["وال", "بال", "كال", "فال", "ال", "لل"]) {
      if (w.startsWith(prefix) && w.length - prefix.length >= 3) {
        w = w.slice(prefix.length);
        break;
      }
    }
    for (const suffix of ["ات", "ون", "ين", "ان", "ها", "ه", "ي"]) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
    }
    return w;
  },
};

const others: Record<string, typeof german> = { de: german, es: spanish, ar: arabic };

/** The words of a text as a language without English's contractions reads them: letters and digits, lower case. */
const plainWords = (text: string): string[] =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

export const english: Analyzer = {
  wordsOf: englishWordsOf,
  writtenWordsOf: englishWordsOf,
  stem: englishStem,
  stopWords: englishStopWords,
};

/**
 * The analyzer of an index in `lang` that also holds pages in `alsoHolds` (a language's index holds
 * the originals it has no translation of): its own words and stems, and every one of those
 * languages' stop words, so an English phrase typed on a German page is read as well as a German one.
 */
export function analyzerFor(lang: string, alsoHolds: readonly string[] = []): Analyzer {
  const own = others[lang];
  const stopWords = new Set([
    ...[lang, ...alsoHolds].flatMap((code) => [
      ...(others[code]?.stopWords ?? (code === "en" ? englishStopWords : [])),
    ]),
  ]);
  if (!own) return lang === "en" ? english : { ...english, stopWords };
  // English contractions too, where English pages are held ("can't", "log in"); a word that folds
  // to nothing (a mark alone) is no word.
  const words = (text: string) => (alsoHolds.includes("en") ? englishWordsOf(text) : plainWords(text));
  // An index reads the same few thousand words over and over: each is folded once.
  const fold = oncePerWord(own.fold);
  return {
    wordsOf: (text) => words(text).map(fold).filter(Boolean),
    writtenWordsOf: (text) => words(text).filter((word) => fold(word) !== ""),
    stem: (word) => own.stem(fold(word)),
    stopWords: new Set([...stopWords].map(fold)),
  };
}
