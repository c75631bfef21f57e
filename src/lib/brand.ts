import { readFileSync } from "node:fs";
import { z } from "zod";
import { dayMs } from "../shared/dates.ts";
import { topicIdSchema } from "../shared/topic-id-schema.ts";
import { parseOrExplain } from "../shared/zod-issues.ts";
import { buildOptions } from "./build.ts";
import { contrastRatio, minimumTextContrast } from "./contrast.ts";

/** The page backgrounds of src/styles/global.css (--paper), which the accent is read against. */
const themePaper = { light: "#ffffff", dark: "#0f1419" };

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "use a colour like #0b5cad");
const link = z.strictObject({ label: z.string().trim().min(1).max(40), href: z.url() });

/** content/brand.json: who runs this help center and how to reach them, in one file. */
export const brandSchema = z.strictObject({
  /** The site's name, in the header and every page title. */
  siteName: z.string().trim().min(1).max(60),
  /** The product the topics are about. */
  productName: z.string().trim().min(1).max(80),
  /** The copyright holder in the footer. */
  company: z.string().trim().min(1).max(80),
  /** The logo in the header: a file in public/ and its text for readers who cannot see it. */
  logo: z.strictObject({
    src: z.string().regex(/^\/[\w./-]+\.svg$/, "an SVG in public/, like /brand/logo.svg"),
    alt: z.string().trim().min(1).max(80),
  }),
  /** The accent (links, buttons) and the text on it, for the light and the dark theme. */
  colors: z
    .strictObject({ accent: hexColor, accentInk: hexColor, accentDark: hexColor, accentInkDark: hexColor })
    .superRefine((colors, ctx) => {
      const pairs = [
        ["accent", colors.accent, themePaper.light, "the light page"],
        ["accentInk", colors.accentInk, colors.accent, "accent"],
        ["accentDark", colors.accentDark, themePaper.dark, "the dark page"],
        ["accentInkDark", colors.accentInkDark, colors.accentDark, "accentDark"],
      ] as const;
      for (const [field, color, background, against] of pairs) {
        const ratio = contrastRatio(color, background);
        if (ratio < minimumTextContrast) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `contrast with ${against} is ${ratio.toFixed(2)}:1; WCAG AA needs ${minimumTextContrast}:1`,
          });
        }
      }
    }),
  /** Privacy, terms, status…: the footer's links. */
  footerLinks: z.array(link).max(8),
  /** How readers reach Support: every topic's "Still need help?" and the Contact us page. */
  contact: z.strictObject({
    phone: z.strictObject({
      number: z.string().regex(/^\+?[\d ()-]{6,24}$/, "a phone number like +1 800 555 0142"),
      hours: z.string().trim().min(1).max(80),
    }),
    email: z.email(),
    case: link,
  }),
  /**
   * The tasks readers most often come with, first on the home page: a question in their words, a
   * line on what the topic covers, and the topic. Topics must exist and be public.
   */
  tasks: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(40),
        hint: z.string().trim().min(1).max(90),
        topic: topicIdSchema,
      }),
    )
    .min(1)
    .max(6),
  /** Where employees escalate: the end of every internal-only topic, never in the public site. */
  internalContacts: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(60),
        detail: z.string().trim().min(1).max(160),
        href: z.url().optional(),
      }),
    )
    .min(1)
    .max(6),
  /** A topic without its own `review-by` is due for review this many days after `updated`. Default: never. */
  reviewIntervalDays: z.number().int().min(7).max(3650).optional(),
  /**
   * Where employees edit a topic's source: an address with `{path}`, the topic's file inside the
   * content folder (`topics/x.mdx`). Without it, no "Edit this topic" link is shown.
   */
  editTopicUrl: z
    .string()
    .refine((value) => value.includes("{path}") && URL.canParse(value.replace("{path}", "p")), {
      message: "an address with {path}, like https://github.com/acme/help/edit/main/content/{path}",
    })
    .optional(),
});

export type Brand = z.infer<typeof brandSchema>;

const fields = brandSchema.shape;

/** A group of the brand a translation may give, which says so of a field it may not. */
const translatable = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${issue.keys.join(", ")}: the same in every language (set it once, outside translations), or not a field of the brand file`
        : undefined,
  });

/**
 * What one language says its own way, each field checked as the default's is; any field left out
 * is the default language's, and a group (the contact options) may give some of its fields. Lists
 * (footer links, tasks, escalation contacts) are given whole. Colours, the logo's file, review and
 * edit settings are the same in every language.
 */
export const brandTranslationSchema = translatable({
  siteName: fields.siteName,
  productName: fields.productName,
  company: fields.company,
  logo: translatable({ alt: fields.logo.shape.alt }),
  footerLinks: fields.footerLinks,
  contact: translatable({
    phone: translatable(fields.contact.shape.phone.shape).partial(),
    email: fields.contact.shape.email,
    case: translatable(fields.contact.shape.case.shape).partial(),
  }).partial(),
  tasks: fields.tasks,
  internalContacts: fields.internalContacts,
}).partial();

/** content/brand.json: the brand, in the default language, and what other languages say their own way. */
export const brandFileSchema = brandSchema.extend({
  /** By language code (a declared language other than the default). Default: none. */
  translations: z.record(z.string(), brandTranslationSchema).optional(),
});
export type BrandFile = z.infer<typeof brandFileSchema>;

let loaded: BrandFile | undefined;

/** The brand file, read and checked once per build; a bad value fails the build naming the field. */
export function loadBrandFile(): BrandFile {
  const file = `${buildOptions.contentDir}/brand.json`;
  loaded ??= parseOrExplain(brandFileSchema, JSON.parse(readFileSync(file, "utf8")), file);
  return loaded;
}

/** The brand in the default language (its translations: brand-languages.ts). */
export function loadBrand(): Brand {
  const { translations: _, ...brand } = loadBrandFile();
  return brand;
}

/** The "Edit this topic" address for a topic's file, or undefined when the brand configures none. */
export function editTopicHref(brand: Brand, topicId: string): string | undefined {
  return brand.editTopicUrl?.replace("{path}", `topics/${topicId}.mdx`);
}

/** When a topic is due for review: its own `review-by`, else `updated` plus the brand's interval. */
export function reviewDue(
  brand: Pick<Brand, "reviewIntervalDays">,
  topic: { updated: Date; "review-by"?: Date | undefined },
): Date | undefined {
  if (topic["review-by"]) return topic["review-by"];
  return brand.reviewIntervalDays ? new Date(topic.updated.getTime() + brand.reviewIntervalDays * dayMs) : undefined;
}

/** `tel:` wants the digits alone. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, "")}`;
