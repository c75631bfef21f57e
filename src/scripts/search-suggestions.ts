import { formatMessage } from "../shared/i18n/format.ts";
import { type Hit, load, searchTopics, warmUp } from "./search-core.ts";
import { handedOver, logOpened, logSearch } from "./search-log.ts";
import { searchStatus, statusText } from "./search-status.ts";

const shownSuggestions = 6;
const typingPauseMs = 150;

/**
 * Turns the header's search box into an ARIA combobox (APG "list autocomplete"): suggestions as
 * you type, arrows to move, Enter to open the highlighted topic (or search, with none), Escape to
 * close. Focus stays in the box; the highlighted option is named by aria-activedescendant.
 */
export function attachSuggestions(input: HTMLInputElement): void {
  const form = input.form;
  if (!form) return;
  warmUp();
  const listId = `${input.id}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "suggestions__list";
  list.setAttribute("role", "listbox");

  list.hidden = true;
  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  // Said above the suggestions when they are not simply every word's topics: a correction, or
  // the topics with only some of the words.
  const note = document.createElement("p");
  note.id = `${listId}-note`;
  note.className = "suggestions__note";
  note.hidden = true;
  list.setAttribute("aria-describedby", note.id);
  const panel = document.createElement("div");
  panel.className = "suggestions";
  panel.hidden = true;
  panel.append(note, list);
  form.append(panel, announcer);
  const combobox = { role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId };
  for (const [name, value] of Object.entries(combobox)) input.setAttribute(name, value);

  let hits: Hit[] = [];
  const go = (hit: Hit) => {
    logOpened(hit.url);
    location.assign(hit.url);
  };
  let active = -1;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...list.children] as HTMLElement[];
  const highlight = (index: number) => {
    active = index;
    for (const [i, option] of options().entries()) option.setAttribute("aria-selected", String(i === index));
    if (index >= 0) input.setAttribute("aria-activedescendant", `${listId}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    list.hidden = true;
    panel.hidden = true;
    note.hidden = true;
    input.setAttribute("aria-expanded", "false");
    highlight(-1);
  };
  const open = (found: Hit[], message: string, explanation = "") => {
    note.textContent = explanation;
    note.hidden = explanation === "" || found.length === 0;
    hits = found;
    list.replaceChildren(
      ...found.map((hit, i) => {
        const option = document.createElement("li");
        option.id = `${listId}-${i}`;
        option.setAttribute("role", "option");
        option.textContent = hit.inOriginal ? `${hit.title} (${hit.inOriginal})` : hit.title;
        // Keep focus in the box: a click chooses without blurring it first.
        option.addEventListener("pointerdown", (event) => event.preventDefault());
        option.addEventListener("click", () => go(hit));
        return option;
      }),
    );
    highlight(-1);
    list.hidden = found.length === 0;
    panel.hidden = list.hidden;
    input.setAttribute("aria-expanded", String(found.length > 0));
    announcer.textContent = message;
  };

  const suggest = async () => {
    const term = input.value.trim();
    const ticket = ++latest;
    if (term.length < 2) return close();
    try {
      const found = await searchTopics(input.value, shownSuggestions, { typing: true });
      const { ui } = await load();
      if (ticket !== latest || document.activeElement !== input) return;
      list.setAttribute("aria-label", ui.words.suggested);
      if (found.kind !== "results")
        return open([], found.kind === "stop-words" ? statusText(searchStatus(term, found, ui)) : "");
      logSearch(term, found);
      const count = formatMessage(ui.words.suggestions, ui.lang, { count: found.hits.length });
      const explained = found.correctedFrom || found.match === "some";
      const explanation = explained ? statusText(searchStatus(term, found, ui, { withInstead: false })).trim() : "";
      open(found.hits, found.hits.length ? `${count}. ${explanation}` : ui.words.noSuggestions, explanation);
    } catch {
      close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, typingPauseMs);
  });
  input.addEventListener("keydown", (event) => {
    const count = hits.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) {
        if (count > 0) open(hits, "", note.textContent ?? "");
        else return;
      }
      event.preventDefault();
      // Positions cycle through the options and back to the box itself (-1).
      const step = event.key === "ArrowDown" ? 1 : -1;
      const cycle = count + 1;
      highlight(((((active + 1 + step) % cycle) + cycle) % cycle) - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      const hit = hits[active];
      if (hit) go(hit);
    } else if (event.key === "Escape") {
      // Escape also drops suggestions still on their way, so a late answer cannot reopen the list.
      clearTimeout(timer);
      latest++;
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener("blur", close);
  form.addEventListener("submit", () => handedOver(input.value.trim()));
  // The box had focus before this module arrived: suggest for what is already typed.
  if (input.value.trim().length >= 2) void suggest();
}
