import { z } from "zod";

import { topicIdSchema } from "../shared/topic-id-schema.ts";

/** Front matter of a topic in `content/topics/`. */
export const topicSchema = z.strictObject({
  /** Shown as the page heading, in search results and in Related topics. */
  title: z.string().trim().min(1, "a topic needs a title").max(120),
  /** One sentence for search results and the page's meta description. */
  description: z.string().trim().min(1, "add a one-sentence description").max(300),
  /** `internal` topics exist only in the employees' build. Default: `public`. */
  audience: z.enum(["public", "internal"]).default("public"),
  /** Groups topics on the home page and forms the breadcrumb. */
  category: z.string().trim().min(1).max(60),
  /** Ids of other topics, listed under "Related topics" in this order. Default: none. */
  related: z.array(topicIdSchema).max(12).default([]),
  /** When the topic last changed in substance; shown on the page. */
  updated: z.coerce.date(),
  /** Other words readers search with ("2FA"): they find the topic but never show in its search snippet. Default: none. */
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Offered when a search finds nothing (src/pages/search.astro). Default: false. */
  popular: z.boolean().default(false),
  /**
   * Where a topic serves more than one reader ("Lost your phone?", "Administrators"): a line each,
   * under the title, saying what that reader should do, with a link to the section for them.
   */
  readers: z
    .array(
      z.strictObject({
        who: z.string().trim().min(1).max(60),
        what: z.string().trim().min(1).max(220),
        /** A heading of this topic, like `#generate-a-temporary-code`: `what` becomes a link to it. */
        section: z
          .string()
          // Headings in any language: a German or Arabic heading's anchor keeps its letters.
          .regex(/^#[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}_-]+$/u, "a heading's anchor, like #generate-a-temporary-code")
          .optional(),
      }),
    )
    .max(3)
    .default([]),
  /** A live demo shown after the text; `temporary-login-code` is the one there is. Default: none. */
  demo: z.enum(["temporary-login-code"]).optional(),
  /** Who keeps the topic right: an e-mail address or a team's name. Shown to employees only. */
  owner: z.string().trim().min(1).max(80).optional(),
  /**
   * When the topic is due for review; past it, the dashboard's Needs attention lists it. Default:
   * `updated` plus the brand file's `reviewIntervalDays`, or no review without one.
   */
  "review-by": z.coerce.date().optional(),
  /** Keeps a topic out of the home page's lists and the sitemap while it is drafted. Default: false. */
  draft: z.boolean().default(false),
});

/** Front matter of a header page in `content/pages/` (Getting started, Contact us). */
export const pageSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(300),
  updated: z.coerce.date(),
});

/** Front matter of an entry in `content/alerts/`, listed newest first on Alerts and notices. */
export const alertSchema = z.strictObject({
  title: z.string().trim().min(1).max(160),
  /** The day the alert was published. */
  date: z.coerce.date(),
  /** `important` alerts are marked as such in the list; the newest one is a banner on every page. Default: `notice`. */
  severity: z.enum(["notice", "important"]).default("notice"),
});

/** What a translation leaves to its original, said when a translation sets it anyway. */
const inheritedFields = (fields: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `${issue.keys?.join(", ")}: a translation takes ${fields} from its original; set ${issue.keys?.length === 1 ? "it" : "them"} there`
      : undefined,
});

/**
 * Front matter of a topic's translation, `content/topics/<lang>/<id>.mdx` beside the original
 * `content/topics/<id>.mdx`: the words readers see in that language. What the topic is (related
 * topics, demo, owner, review date, popular) stays the original's.
 */
export const topicTranslationSchema = z.strictObject(
  {
    title: topicSchema.shape.title,
    description: topicSchema.shape.description,
    /** When the translation last changed in substance; shown on the page. */
    updated: z.coerce.date(),
    /** The original's, said again so that an internal-only topic's translation is never public by mistake. Default: `public`. */
    audience: topicSchema.shape.audience,
    /** The category's name in this language, when the original's category should read otherwise here. Default: the original's. */
    category: topicSchema.shape.category.optional(),
    keywords: topicSchema.shape.keywords,
    readers: topicSchema.shape.readers,
    /** Keeps the translation unpublished: readers of its language get the original meanwhile. Default: false. */
    draft: topicSchema.shape.draft,
  },
  inheritedFields("related topics, demo, owner, review date and popularity"),
);

/** Front matter of an alert's translation, `content/alerts/<lang>/<id>.md`: its date and severity are the original's. */
export const alertTranslationSchema = z.strictObject(
  { title: alertSchema.shape.title },
  inheritedFields("its date and severity"),
);
