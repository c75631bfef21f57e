/** A heading as Astro reports it for a rendered topic. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface ContentsEntry {
  slug: string;
  text: string;
  /** The h3 sections under an h2. */
  children: ContentsEntry[];
}

/**
 * The "On this page" list of a topic: its h2 sections, each with its h3s; none for a topic with
 * fewer than two sections (a list of one helps nobody).
 */
export function contentsOf(headings: readonly Heading[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) entries.push({ slug: heading.slug, text: heading.text, children: [] });
    else if (heading.depth === 3) {
      const parent = entries.at(-1);
      const entry = { slug: heading.slug, text: heading.text, children: [] };
      if (parent) parent.children.push(entry);
      else entries.push(entry);
    }
  }
  const sections = entries.reduce((count, e) => count + 1 + e.children.length, 0);
  return sections >= 2 ? entries : [];
}
