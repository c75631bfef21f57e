import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brandFileSchema, brandSchema, editTopicHref } from "../../src/lib/brand.ts";
import { localizeBrand, translationLanguageProblems } from "../../src/lib/brand-languages.ts";
import { alertSchema, topicSchema } from "../../src/lib/content-schemas.ts";
import { contrastRatio } from "../../src/lib/contrast.ts";
import { homeTasks } from "../../src/lib/home-tasks.ts";
import { parseLanguages } from "../../src/lib/languages.ts";
import { describeIssues } from "../../src/shared/zod-issues.ts";

const validTopic = {
  title: "Mobile device inaccessible: Generating a temporary login code",
  description: "How an administrator generates a temporary code.",
  category: "Security and sign-in",
  updated: "2026-11-02",
  related: ["multi-factor-authentication-overview"],
};

function problemsWith(override: Record<string, unknown>) {
  const result = topicSchema.safeParse({ ...validTopic, ...override });
  return result.success ? [] : describeIssues(result.error.issues);
}

describe("topic front matter", () => {
  it("accepts a complete topic and fills in the defaults", () => {
    const topic = topicSchema.parse(validTopic);
    expect(topic.audience).toBe("public");
    expect(topic.keywords).toEqual([]);
    expect(topic.draft).toBe(false);
    expect(topic.updated.toISOString()).toBe("2026-11-02T00:00:00.000Z");
  });

  it("names the title when it is missing or blank", () => {
    expect(problemsWith({ title: undefined }).map((p) => p.field)).toEqual(["title"]);
    expect(problemsWith({ title: "   " })).toEqual([{ field: "title", message: "a topic needs a title" }]);
  });

  it("rejects an audience other than public or internal", () => {
    expect(problemsWith({ audience: "staff" }).map((p) => p.field)).toEqual(["audience"]);
  });

  it("names the related entry that is not a topic id", () => {
    expect(problemsWith({ related: ["ok-topic", "Not A Slug"] })).toEqual([
      { field: "related.1", message: "use lower-case words joined by hyphens, like the file name" },
    ]);
  });

  it("rejects a misspelt field instead of ignoring it", () => {
    expect(
      problemsWith({ relatd: ["x"] })
        .map((p) => p.message)
        .join(),
    ).toMatch(/relatd/);
  });

  it("rejects a date that is not a date", () => {
    expect(problemsWith({ updated: "last Tuesday" }).map((p) => p.field)).toEqual(["updated"]);
  });
});

describe("alert front matter", () => {
  it("defaults the severity to a notice", () => {
    expect(alertSchema.parse({ title: "Maintenance", date: "2026-11-20" }).severity).toBe("notice");
  });
});

describe("brand colours", () => {
  const colors = { accent: "#0b5cad", accentInk: "#ffffff", accentDark: "#6cb6ff", accentInkDark: "#0f1419" };

  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#0b5cad", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("accepts the shipped colours and refuses a light accent on the light page, naming the field", () => {
    expect(brandSchema.shape.colors.safeParse(colors).success).toBe(true);
    const refused = brandSchema.shape.colors.safeParse({ ...colors, accent: "#8ab4f8" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["accent", expect.stringMatching(/^contrast with the light page is \d\.\d\d:1; WCAG AA needs 4\.5:1$/)],
      ["accentInk", expect.stringContaining("contrast with accent")],
    ]);
  });

  it("refuses a dark accent that vanishes on the dark page", () => {
    const refused = brandSchema.shape.colors.safeParse({ ...colors, accentDark: "#0b5cad" });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toContain("accentDark");
  });

  it("makes an Edit this topic address from the brand's pattern, and none without one", () => {
    const brand = brandFileSchema.parse(JSON.parse(readFileSync("content/brand.json", "utf8")));
    const pattern = "https://git.example.com/help/edit/main/content/{path}";
    expect(editTopicHref({ ...brand, editTopicUrl: pattern }, "add-a-user")).toBe(
      "https://git.example.com/help/edit/main/content/topics/add-a-user.mdx",
    );
    expect(editTopicHref({ ...brand, editTopicUrl: undefined }, "add-a-user")).toBeUndefined();
    expect(brandSchema.shape.editTopicUrl.safeParse("https://git.example.com/edit").success).toBe(false);
  });

  it("keeps home-page tasks that point at published topics, and names every one that does not", () => {
    const tasks = [
      { label: "Can't sign in?", hint: "Lost phone", topic: "cannot-sign-in" },
      { label: "Invoices", hint: "As PDF", topic: "gone" },
    ];
    expect(homeTasks(tasks.slice(0, 1), [{ id: "cannot-sign-in" }])).toEqual(tasks.slice(0, 1));
    expect(() => homeTasks(tasks, [{ id: "cannot-sign-in" }])).toThrow('no published topic for "Invoices" → gone');
  });
});

describe("the brand in each language", () => {
  const file = brandFileSchema.parse(JSON.parse(readFileSync("content/brand.json", "utf8")));
  const languages = parseLanguages(
    { default: "en", languages: ["en", "de", "fr"].map((code) => ({ code, name: code, dir: "ltr" })) },
    "languages",
  );
  const withGerman = (de: unknown) => brandFileSchema.parse({ ...file, translations: { de } });

  it("lays a language's words over the default's, and says which language each of the brand's words is in", () => {
    const brand = withGerman({
      siteName: "Fairway Hilfe-Center",
      contact: { case: { label: "Support-Fall eröffnen" } },
    });
    const german = localizeBrand(brand, "de", "en");
    expect(german.brand.siteName).toBe("Fairway Hilfe-Center");
    expect(german.brand.contact.case).toEqual({ label: "Support-Fall eröffnen", href: file.contact.case.href });
    expect(german.brand.contact.phone).toEqual(file.contact.phone);
    expect(german.brand.colors).toEqual(file.colors);
    expect(german.langOf("siteName")).toBe("de");
    expect(german.langOf("contact.case.label")).toBe("de");
    expect(german.langOf("contact.phone.hours")).toBe("en");
    expect(german.langOf("footerLinks")).toBe("en");
    const french = localizeBrand(brand, "fr", "en");
    expect(french.brand.siteName).toBe(file.siteName);
    expect(french.langOf("siteName")).toBe("en");
  });

  it("checks a translation's words by the default's rules, and refuses what is the same in every language", () => {
    const refused = (de: unknown) => brandFileSchema.safeParse({ ...file, translations: { de } }).error?.issues ?? [];
    expect(refused({ footerLinks: [{ label: "Datenschutz", href: "privacy" }] }).map((i) => i.path.join("."))).toEqual([
      "translations.de.footerLinks.0.href",
    ]);
    expect(refused({ colors: file.colors }).map((i) => i.message)).toEqual([
      "colors: the same in every language (set it once, outside translations), or not a field of the brand file",
    ]);
    expect(refused({ logo: { alt: "Fairway", src: "/brand/other.svg" } }).map((i) => i.message)).toEqual([
      "src: the same in every language (set it once, outside translations), or not a field of the brand file",
    ]);
    expect(refused({ tasks: [] })).toHaveLength(1);
  });

  it("names a translation of a language the site does not declare, or of the default one", () => {
    const brand = brandFileSchema.parse({ ...file, translations: { es: {}, en: {}, de: {} } });
    expect(translationLanguageProblems(brand, languages)).toEqual([
      'translations.es: "es" is not a declared language (content/languages.json declares de, fr)',
      "translations.en: en is the default language; its words are the brand file's own",
    ]);
  });

  it("ships German, Spanish and Arabic words for the brand", () => {
    expect(Object.keys(file.translations ?? {}).sort()).toEqual(["ar", "de", "es"]);
  });
});
