import { type Found, findTopics, type Hit } from "./search-core.ts";
import { logOpened, logSearch } from "./search-log.ts";

const shownResults = 10;

function resultItem(hit: Hit): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = hit.url;
  link.textContent = hit.title;
  link.addEventListener("click", () => logOpened(hit.url));
  const excerpt = document.createElement("p");
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = hit.excerpt;
  item.append(link, excerpt);
  return item;
}

const topicsMatch = (count: number) => `${count} ${count === 1 ? "topic matches" : "topics match"}`;

/** The status line; a corrected search says what it searched for instead, as a link. */
function describe(term: string, found: Found): (string | HTMLElement)[] {
  if (found.corrected && found.suggestion) {
    const link = document.createElement("a");
    link.href = `/search/?q=${encodeURIComponent(found.suggestion)}`;
    link.textContent = found.suggestion;
    return [`${topicsMatch(found.total)} “`, link, `”, the closest words to “${term}”.`];
  }
  return [found.total === 0 ? `No topics match “${term}”.` : `${topicsMatch(found.total)} “${term}”.`];
}

export function runSearchPage(root: Document): void {
  const input = root.querySelector<HTMLInputElement>("#search-page-query");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  const nothingFound = root.querySelector<HTMLElement>("[data-search-empty]");
  if (!input || !status || !list || !nothingFound) return;

  let latest = 0;
  const show = async (term: string) => {
    const ticket = ++latest;
    if (term.trim() === "") {
      list.replaceChildren();
      nothingFound.hidden = true;
      status.textContent = "Type what you are looking for.";
      return;
    }
    try {
      const found = await findTopics(term, shownResults);
      if (ticket !== latest) return;
      list.replaceChildren(...found.hits.map(resultItem));
      status.replaceChildren(...describe(term, found));
      nothingFound.hidden = found.total > 0;
      logSearch(term, found.total);
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
