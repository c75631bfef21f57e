interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(term: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const shownResults = 10;

/** Pagefind lives beside the built site, not in the bundle: its path must stay out of Vite's reach. */
async function loadPagefind(): Promise<Pagefind> {
  const path = "/pagefind/pagefind.js";
  return (await import(/* @vite-ignore */ path)) as Pagefind;
}

function resultItem(result: PagefindResult): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement("p");
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = result.excerpt;
  item.append(link, excerpt);
  return item;
}

export function runSearchPage(root: Document): void {
  const input = root.querySelector<HTMLInputElement>("#search-page-query");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  if (!input || !status || !list) return;

  const pagefind = loadPagefind();
  let latest = 0;

  const show = async (term: string) => {
    const ticket = ++latest;
    if (term.trim() === "") {
      list.replaceChildren();
      status.textContent = "Type what you are looking for.";
      return;
    }
    try {
      const found = await (await pagefind).search(term);
      const results = await Promise.all(found.results.slice(0, shownResults).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...results.map(resultItem));
      const count = found.results.length;
      status.textContent =
        count === 0
          ? `No topics match “${term}”.`
          : `${count} ${count === 1 ? "topic matches" : "topics match"} “${term}”.`;
    } catch {
      status.textContent = "Search is not available right now. Browse the topics from the home page instead.";
    }
  };

  const query = new URL(location.href).searchParams.get("q") ?? "";
  input.value = query;
  void show(query);

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      void show(input.value);
    }, 250);
  });
}
