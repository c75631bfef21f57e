import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Language, SiteLanguages } from "../shared/i18n/languages.ts";
import { parseOrExplain } from "../shared/zod-issues.ts";
import { buildOptions } from "./build.ts";

/**
 * A language code as it appears in addresses (`/de/…`) and in `<html lang>`: a BCP 47 tag in lower
 * case, language first (`de`, `pt-br`), which Intl knows in that same spelling.
 */
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/, "a language tag in lower case, like de or pt-br")
  .refine(
    (code) => {
      try {
        return Intl.getCanonicalLocales(code)[0]?.toLowerCase() === code;
      } catch {
        return false;
      }
    },
    { message: "not a language tag Intl knows (BCP 47), like de or pt-br" },
  );

/** The direction Intl knows for a language, where the runtime says (Node 24 and Chromium do). */
function intlDirection(code: string): "ltr" | "rtl" | undefined {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & { getTextInfo?: () => { direction?: string } };
    const direction = locale.getTextInfo?.().direction;
    return direction === "rtl" || direction === "ltr" ? direction : undefined;
  } catch {
    // A code Intl refuses is reported by its own field's rule.
    return undefined;
  }
}

const languageSchema = z
  .strictObject({
    /** Its address folder (`/de/`) and `<html lang>`; the default language has no folder. */
    code: languageCode,
    /** Its name in itself, as the language switcher shows it: "Deutsch", "العربية". */
    name: z.string().trim().min(1).max(40),
    /** How its text runs: `rtl` mirrors the layout (Arabic, Hebrew…). */
    dir: z.enum(["ltr", "rtl"]),
  })
  .superRefine((language, ctx) => {
    const known = intlDirection(language.code);
    if (known && known !== language.dir) {
      ctx.addIssue({
        code: "custom",
        path: ["dir"],
        message: `${language.code} is written ${known}, not ${language.dir}`,
      });
    }
  });

/** content/languages.json: the languages the help center speaks, declared once. */
export const languagesSchema = z
  .strictObject({
    /** The language of today's addresses (no folder) and the one every other falls back to. */
    default: languageCode,
    /** Every language, the default among them, in the order the switcher lists them. */
    languages: z.array(languageSchema).min(1).max(40),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.languages.forEach((language, index) => {
      if (seen.has(language.code))
        ctx.addIssue({
          code: "custom",
          path: ["languages", index, "code"],
          message: `${language.code} is listed twice`,
        });
      seen.add(language.code);
    });
    if (!seen.has(file.default))
      ctx.addIssue({
        code: "custom",
        path: ["default"],
        message: `${file.default} is not one of the languages listed`,
      });
  });

/** The languages a file declares, the default first. */
export function parseLanguages(input: unknown, label: string): SiteLanguages {
  const file = parseOrExplain(languagesSchema, input, label);
  const byCode = new Map<string, Language>(file.languages.map((language) => [language.code, language]));
  const defaultLanguage = byCode.get(file.default) as Language;
  return {
    default: defaultLanguage,
    all: [defaultLanguage, ...file.languages.filter((language) => language !== defaultLanguage)],
  };
}

let loaded: SiteLanguages | undefined;

/** Read and checked once per build; a bad value fails the build naming the field. */
export function loadLanguages(): SiteLanguages {
  const file = `${buildOptions.contentDir}/languages.json`;
  if (!loaded) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(
        `${file} is missing: declare the site's languages, at least the default one, like {"default": "en", "languages": [{"code": "en", "name": "English", "dir": "ltr"}]}`,
        { cause: error },
      );
    }
    loaded = parseLanguages(JSON.parse(text), file);
  }
  return loaded;
}
