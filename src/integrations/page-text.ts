import { bodyText, type PageText } from "../shared/search/search-index.ts";
import { attributesOf, decodeEntities, ReadableText, readMarkup } from "./page-markup.ts";

/** What a page gives search: its text and what is said of it, without the file its text is written to. */
export type PageSearchText = Omit<PageText, "lang" | "textFile">;

const markPrefix = "data-pagefind-";
/** The marks search reads; any other on a page fails the build rather than be ignored unseen. */
const knownMarks = new Set(["body", "ignore", "meta", "filter"]);
/** The headings search finds a page by, besides its title (a page's sections). */
const sectionHeadings = new Set(["h2", "h3", "h4"]);
/** Elements whose text is never a page's text, marked or not (as Pagefind leaves them out). */
const neverText = new Set(["head", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);

/** An element open at this point of the page. */
interface OpenElement {
  name: string;
  /** Its text is left out of the text gathered around it: `data-pagefind-ignore`, or one of `neverText`. */
  leftOut: boolean;
  /** `data-pagefind-ignore="all"` here or around it: its marks are left out too. */
  marksLeftOut: boolean;
  /** Text gathered from this element, each piece ending with it. */
  gathered: Gathering[];
}

/** Text being gathered from an element: what is left out inside it does not count, what is left out around it does not matter. */
interface Gathering {
  text: ReadableText;
  /** How many elements were open around it, itself included. */
  depth: number;
  done(text: string): void;
}

const none: readonly Gathering[] = [];

/** A meta or filter mark's entries: `title` (the element's text), `description[data-description]` (an attribute's), `tag:value`. */
const markEntry = /^\s*([^[:\s]+)\s*(?:\[([^\]]+)\]|:(.*))?\s*$/s;

/**
 * A page's text as search reads it, and what it says of itself: from the element marked
 * `data-pagefind-body` (a page without one is not searched: undefined), without its scripts,
 * styles, comments and the elements in it marked `data-pagefind-ignore`; its title (the mark
 * `data-pagefind-meta="title"`, or else the page's first `<h1>`, or its `<title>`), the
 * description and keywords its meta and filter marks name, and its `<h2>`–`<h4>` headings with
 * an `id`. These are Pagefind's marks, so Pagefind run over the built site (the search bench does)
 * reads what our search does; a build test compares the two on every page. A page fails when it
 * marks anything outside the body element, uses a mark search does not read, or its body element
 * never ends.
 */
export function pageSearchText(html: Buffer, url: string): PageSearchText | undefined {
  const fail = (problem: string): never => {
    throw new Error(`${url}: ${problem}`);
  };
  const stack: OpenElement[] = [];
  let bodyDepth = -1;
  let bodyEnded = false;
  let content = "";
  let firstH1 = "";
  let titleTag = "";
  const metadata = new Map<string, string>();
  const filters = new Map<string, string[]>();
  const headings: string[] = [];

  /** How many gatherings are open: most of a page (its header, menus, footer) is read with none. */
  let gathering = 0;
  const gather = (element: OpenElement, done: (text: string) => void) => {
    gathering++;
    element.gathered.push({ text: new ReadableText(), depth: stack.length, done });
  };
  /** The gatherings open now that no left-out element stands between and here. */
  const counting = (): readonly Gathering[] => {
    if (gathering === 0) return none;
    const deepestLeftOut = stack.findLastIndex((element) => element.leftOut) + 1;
    const into: Gathering[] = [];
    for (const element of stack) for (const g of element.gathered) if (deepestLeftOut <= g.depth) into.push(g);
    return into;
  };
  const read = (text: string) => {
    try {
      return decodeEntities(text);
    } catch (error) {
      return fail((error as Error).message);
    }
  };

  const markup = html.toString("utf8");
  /** Where the next `data-pagefind-` stands, from the tag read last: most tags have none, and are never parsed. */
  let nextMark = markup.indexOf(markPrefix);
  const open = (name: string, start: number, end: number) => {
    if (nextMark >= 0 && nextMark < start) nextMark = markup.indexOf(markPrefix, start);
    let attributes: Map<string, string> | undefined;
    const attributesAt = () => {
      attributes ??= attributesOf(markup.slice(start + 1 + name.length, end - 1));
      return attributes;
    };
    const around = stack.at(-1);
    const marks = nextMark >= 0 && nextMark < end ? marksOf(attributesAt()) : undefined;
    const isBody = marks?.has("body") === true;
    const inBody = (bodyDepth >= 0 && !bodyEnded) || isBody;
    for (const mark of marks?.keys() ?? []) {
      if (!knownMarks.has(mark)) fail(`search does not read data-pagefind-${mark}`);
      if (mark === "body" && bodyDepth >= 0) fail("it marks more than one data-pagefind-body element");
      if (mark !== "body" && mark !== "ignore" && !inBody)
        fail(`data-pagefind-${mark} stands outside the data-pagefind-body element, where search does not read it`);
    }
    const ignore = marks?.get("ignore")?.toLowerCase();
    const element: OpenElement = {
      name,
      // The body element's own ignore mark does not hide it (Pagefind's body mark wins too).
      leftOut: (ignore !== undefined && !isBody) || neverText.has(name),
      marksLeftOut: (around?.marksLeftOut ?? false) || ignore === "all",
      gathered: [],
    };
    for (const g of counting()) g.text.tag(name, false);
    stack.push(element);
    if (isBody) {
      if (element.marksLeftOut) fail('its data-pagefind-body element stands inside data-pagefind-ignore="all"');
      bodyDepth = stack.length;
      gather(element, (text) => {
        content = text;
      });
    }
    if (name === "h1" && !firstH1 && !element.marksLeftOut)
      gather(element, (text) => {
        firstH1 ||= text;
      });
    if (name === "title" && !titleTag)
      gather(element, (text) => {
        titleTag = text;
      });
    // A heading left out, or inside what is, is not a section search finds a page by.
    if (
      inBody &&
      sectionHeadings.has(name) &&
      !stack.slice(bodyDepth).some((e) => e.leftOut) &&
      attributesAt().has("id")
    ) {
      // Headings do not nest, so each ends before the next begins: in page order.
      gather(element, (text) => headings.push(text));
    }
    if (!marks || element.marksLeftOut) return;
    for (const kind of ["meta", "filter"] as const) {
      for (const entry of (marks.get(kind) ?? "").split(",")) {
        if (!entry.trim()) continue;
        const [, key = "", from, literal] =
          markEntry.exec(entry) ?? fail(`data-pagefind-${kind}="${entry}" names nothing`);
        const keep = (value: string) => {
          const text = value.replace(/\s+/g, " ").trim();
          if (!text) return;
          if (kind === "meta") metadata.set(key, text);
          else filters.set(key, [...(filters.get(key) ?? []), text]);
        };
        if (literal !== undefined) keep(read(literal));
        else if (from !== undefined) keep(read(attributesAt().get(from.toLowerCase()) ?? ""));
        else gather(element, keep);
      }
    }
  };

  /** Ends the open element `name` and any left open inside it; one without contents (`withContents: false`) ends no sentence. */
  const close = (name: string, withContents = true) => {
    const at = stack.findLastIndex((element) => element.name === name);
    if (at < 0) return;
    while (stack.length > at) {
      const element = stack.pop() as OpenElement;
      for (const g of element.gathered) g.done(g.text.toString());
      gathering -= element.gathered.length;
      if (stack.length + 1 === bodyDepth) bodyEnded = true;
      // An element left out still ends the words before it.
      if (withContents) for (const g of counting()) g.text.tag(element.name, true);
    }
  };

  readMarkup(markup, {
    // An element without contents (`<br>`, `<meta … />`) ends where it begins, its marks read.
    open(name, start, end, selfClosing) {
      open(name, start, end);
      if (selfClosing) close(name, false);
    },
    close: (name) => close(name),
    text(start, end) {
      const into = counting();
      if (into.length === 0) return;
      const text = read(markup.slice(start, end));
      for (const g of into) g.text.add(text);
    },
  });
  if (bodyDepth < 0) return undefined;
  if (!bodyEnded) fail("its data-pagefind-body element has no end");
  const title = metadata.get("title") ?? (firstH1 || titleTag || url);
  return {
    url,
    title,
    description: metadata.get("description") ?? "",
    keywords: filters.get("keyword") ?? [],
    headings: headings.filter(Boolean),
    content: bodyText(content, title),
  };
}

/** A tag's `data-pagefind-*` marks, from its attributes: name after the prefix → value. */
function marksOf(attributes: Map<string, string>): Map<string, string> {
  const marks = new Map<string, string>();
  for (const [name, value] of attributes)
    if (name.startsWith(markPrefix)) marks.set(name.slice(markPrefix.length), value);
  return marks;
}
