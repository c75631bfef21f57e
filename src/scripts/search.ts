import { type Hit, load, searchTopics } from "./search-core.ts";
import { logOpened, logSearch } from "./search-log.ts";
import { searchStatus, statusNodes } from "./search-status.ts";

const shownResults = 10;
const announcePauseMs = 700;

function resultItem(hit: Hit): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = hit.url;
  link.textContent = hit.title;
  link.addEventListener("click", () => logOpened(hit.url));
  const excerpt = document.createElement("p");
  // Escaped text with only <mark> added (src/shared/search/snippet.ts).
  excerpt.innerHTML = hit.excerpt;
  item.append(link);
  // A topic not yet in the page's language: found all the same, in the original, which it says.
  if (hit.inOriginal) {
    link.lang = excerpt.lang = hit.lang;
    const mark = Object.assign(document.createElement("span"), { className: "language-mark" });
    mark.textContent = ` (${hit.inOriginal})`;
    item.append(mark);
  }
  item.append(excerpt);
  return item;
}

export function runSearchPage(root: Document): void {
  const input = root.querySelector<HTMLInputElement>("#search-page-query");
  const status = root.querySelector<HTMLElement>("[data-search-status]");
  const list = root.querySelector<HTMLOListElement>("[data-search-results]");
  const nothingFound = root.querySelector<HTMLElement>("[data-search-empty]");
  const announcer = root.querySelector<HTMLElement>("[data-search-announce]");
  if (!input || !status || !list || !nothingFound || !announcer) return;

  // A screen reader hears the status once the reader pauses, not at every keystroke.
  let announcing: ReturnType<typeof setTimeout> | undefined;
  const announce = () => {
    clearTimeout(announcing);
    announcing = setTimeout(() => {
      announcer.textContent = status.textContent;
    }, announcePauseMs);
  };

  const address = new URL(location.href);
  // "Search instead for …" links here with typed=1: the words as typed, uncorrected.
  let asTyped = address.searchParams.get("typed") === "1";
  let latest = 0;
  const show = async (term: string) => {
    const ticket = ++latest;
    try {
      const found = await searchTopics(term, shownResults, { asTyped, snippets: true });
      const { ui } = await load();
      if (ticket !== latest) return;
      const hits = found.kind === "results" ? found.hits : [];
      list.replaceChildren(...hits.map(resultItem));
      status.replaceChildren(...statusNodes(searchStatus(term, found, ui)));
      announce();
      nothingFound.hidden = !(found.kind === "stop-words" || (found.kind === "results" && found.match === "none"));
      logSearch(term, found);
    } catch {
      list.replaceChildren();
      nothingFound.hidden = true;
      // Said by the page itself: without the index there are none of the index's words.
      status.textContent = status.dataset.unavailable ?? "";
      announce();
    }
  };

  const query = address.searchParams.get("q") ?? "";
  input.value = query;
  void show(query);

  // Results follow each keystroke: the index is in memory and a search takes milliseconds
  // (npm run bench:search), so there is nothing to wait for.
  input.addEventListener("input", () => {
    asTyped = false;
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    url.searchParams.delete("typed");
    history.replaceState(null, "", url);
    void show(input.value);
  });
}
