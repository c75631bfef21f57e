export interface ListedTopic {
  id: string;
  title: string;
  category: string;
}

export interface TopicGroup<T extends ListedTopic> {
  category: string;
  topics: T[];
}

/** Topics grouped by category for the home page: categories and titles in the language's alphabetical order. */
export function groupByCategory<T extends ListedTopic>(topics: readonly T[], lang = "en"): TopicGroup<T>[] {
  const byText = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  const groups = new Map<string, T[]>();
  for (const topic of topics) {
    const group = groups.get(topic.category) ?? [];
    group.push(topic);
    groups.set(topic.category, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byText.compare(a, b))
    .map(([category, list]) => ({
      category,
      topics: list.sort((a, b) => byText.compare(a.title, b.title)),
    }));
}

export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A category's own page, listing every topic in it. */
export function categoryPath(category: string): string {
  return `/categories/${categorySlug(category)}/`;
}
