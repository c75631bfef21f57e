import ar from "./messages/ar.json" with { type: "json" };
import de from "./messages/de.json" with { type: "json" };
import en from "./messages/en.json" with { type: "json" };
import es from "./messages/es.json" with { type: "json" };

/**
 * Every word of the frame, one catalogue per language. The default language's catalogue (English)
 * gives the keys and their types; each other one is checked against it at build
 * (src/lib/catalogue-check.ts), so a catalogue that passed the build has exactly this shape.
 * Adding a language: its JSON beside these, listed here, and declared in content/languages.json.
 * Islands never import this (it holds every language): they get the part they need from the page.
 */
export type Catalogue = typeof en;

export const referenceCatalogue: Catalogue = en;
/** The language of the reference catalogue: the words the API's own messages are written in. */
export const referenceLanguage = "en";

export const catalogues: Readonly<Record<string, unknown>> = { en, de, es, ar };

/**
 * A language's catalogue, for the server's pages: a declared language's passed the build's check,
 * so it has the reference's shape; a code with no catalogue gets the reference's words.
 */
export function catalogueFor(code: string): Catalogue {
  return (Object.hasOwn(catalogues, code) ? catalogues[code] : referenceCatalogue) as Catalogue;
}
