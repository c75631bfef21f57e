import { type PluralMessage, slotsOf } from "../shared/i18n/format.ts";

/**
 * A language's message catalogue against the default language's, key by key: the same keys, text
 * where the default has text, every plural form the language's counts need, and the same `{slots}`.
 * One message per problem, naming the language and the key, so the build can say what to fix.
 */

const pluralCategories = new Set<string>(["zero", "one", "two", "few", "many", "other"]);
type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);
export const isPlural = (value: unknown): value is PluralMessage =>
  isTree(value) && "other" in value && Object.keys(value).every((key) => pluralCategories.has(key));

/** The categories a language's counts from 0 to 1,000 fall in: each needs its form. */
function neededCategories(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang);
  const needed = new Set<string>();
  for (let n = 0; n <= 1000; n++) needed.add(rules.select(n));
  return needed;
}

const listed = (names: Iterable<string>) => [...names].map((name) => `{${name}}`).join(", ");

function slotProblems(key: string, text: string, reference: ReadonlySet<string>, mustHave: ReadonlySet<string>) {
  const problems: string[] = [];
  const used = new Set(slotsOf(text));
  const unknown = [...used].filter((slot) => !reference.has(slot));
  const missing = [...mustHave].filter((slot) => !used.has(slot));
  if (unknown.length > 0) problems.push(`${key} has ${listed(unknown)}, which the default language's text has not`);
  if (missing.length > 0) problems.push(`${key} leaves out ${listed(missing)}`);
  return problems;
}

function leafProblems(key: string, reference: unknown, candidate: unknown, lang: string): string[] {
  if (typeof reference === "string") {
    if (typeof candidate !== "string" || candidate.trim() === "") return [`${key} must be text`];
    const slots = new Set(slotsOf(reference));
    return slotProblems(key, candidate, slots, slots);
  }
  const ref = reference as PluralMessage;
  if (!isPlural(candidate))
    return [`${key} must be plural forms (${[...neededCategories(lang)].join(", ")}), like the default language's`];
  const slots = new Set(Object.values(ref).flatMap((text) => slotsOf(text ?? "")));
  const allowed = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
  const problems: string[] = [];
  for (const category of Object.keys(candidate)) {
    if (!allowed.has(category as Intl.LDMLPluralRule))
      problems.push(`${key}.${category}: ${lang} has no “${category}” plural form`);
  }
  for (const category of neededCategories(lang)) {
    if (!(category in candidate)) problems.push(`${key}.${category} is missing (a count of ${lang} needs it)`);
  }
  for (const [category, text] of Object.entries(candidate)) {
    if (typeof text !== "string" || text.trim() === "") {
      problems.push(`${key}.${category} must be text`);
      continue;
    }
    // A form may say its number in words ("one", a dual); only `other` must show {count}.
    const mustHave = new Set([...slots].filter((slot) => slot !== "count" || category === "other"));
    problems.push(...slotProblems(`${key}.${category}`, text, slots, mustHave));
  }
  return problems;
}

function treeProblems(prefix: string, reference: Tree, candidate: Tree, lang: string): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(reference)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (!(name in candidate)) problems.push(`${key} is missing`);
    else if (typeof value === "string" || isPlural(value))
      problems.push(...leafProblems(key, value, candidate[name], lang));
    else if (!isTree(candidate[name])) problems.push(`${key} must be a group of messages, like the default language's`);
    else problems.push(...treeProblems(key, value as Tree, candidate[name], lang));
  }
  for (const name of Object.keys(candidate)) {
    if (!(name in reference))
      problems.push(`${prefix ? `${prefix}.` : ""}${name} is not a key of the default language`);
  }
  return problems;
}

/** Every problem of `lang`'s catalogue measured against the default language's, each prefixed with `lang`. */
export function catalogueProblems(reference: object, candidate: unknown, lang: string): string[] {
  if (!isTree(candidate)) return [`${lang}: the catalogue must be a JSON object of messages`];
  return treeProblems("", reference as Tree, candidate, lang).map((problem) => `${lang}: ${problem}`);
}
