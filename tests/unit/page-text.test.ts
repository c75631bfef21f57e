import { describe, expect, it } from "vitest";
import { decodeEntities } from "../../src/integrations/page-markup.ts";
import { pageSearchText } from "../../src/integrations/page-text.ts";

const page = (body: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="de" dir="ltr"><head><title>T</title><style>p{}</style></head><body>${body}</body></html>`,
  );

/** What search reads of a page whose body is `body`, at `url`. */
const searchTextOf = (body: string, url = "/topics/x/") => pageSearchText(page(body), url);

describe("what search reads of a page", () => {
  it("is nothing for a page without a data-pagefind-body element", () => {
    expect(searchTextOf("<main><h1>Home</h1></main>", "/")).toBeUndefined();
  });

  it("reads the marked element's text, titled by the first heading even where it stands before it", () => {
    const text = searchTextOf(
      `<header>Menu <script>x()</script></header><h1>Meldungen</h1><ol data-pagefind-body><li><ol><li>a</li></ol></li><li>b</li></ol><footer>Fuß</footer>`,
      "/de/alerts/",
    );
    expect(text).toEqual({
      url: "/de/alerts/",
      title: "Meldungen",
      description: "",
      keywords: [],
      headings: [],
      content: "a. b",
    });
  });

  it("takes the title, description and keywords the marks name, and leaves the title out of the text", () => {
    const text = searchTextOf(
      `<article data-pagefind-body data-pagefind-meta="description[data-description]" data-description="Codes &amp; more"><h1 data-pagefind-meta="title">Log in</h1><span hidden data-pagefind-filter="keyword[data-keyword]" data-keyword="mfa"></span><span hidden data-pagefind-filter="keyword[data-keyword]" data-keyword="2fa"></span><p>Ask an admin.</p></article>`,
    );
    expect(text).toMatchObject({
      title: "Log in",
      description: "Codes & more",
      keywords: ["mfa", "2fa"],
      content: "Ask an admin.",
    });
  });

  it("ends each block's words with a sentence, keeps a line's phrasing elements in its words, and decodes characters", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><h1>T</h1><h2 id="who">Who it is for</h2><p>Lost your <strong>phone</strong>?<br>Ask&nbsp;your admin&#39;s help &#x2014; &lt;now&gt;</p><ul><li>One</li><li>Two!</li></ul><p>Line one<br>line two</p></article>`,
    );
    expect(text?.content).toBe(
      "Who it is for. Lost your phone? Ask your admin's help \u2014 <now>. One. Two! Line one line two",
    );
  });

  it("finds the page by its sections' headings with an id, in page order, and not by others", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><h1>T</h1><h3 id="b">Second</h3><h2 id="a">First <em>part</em></h2><h2>No id</h2><h5 id="c">Too deep</h5></article>`,
    );
    expect(text?.headings).toEqual(["Second", "First part"]);
  });

  it("leaves out what is marked data-pagefind-ignore, with the headings, scripts and comments in it", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><h1>T</h1><p>Kept</p><section data-pagefind-ignore><h2 id="f">Feedback</h2><p>Rate <b>this</b></p><section><p>nested</p></section></section><!-- a note --><script>say("hidden")</script><p>Also kept</p></article>`,
    );
    expect(text?.content).toBe("Kept. Also kept");
    expect(text?.headings).toEqual([]);
  });

  it("finds the marked element, not a topic's text that writes the attribute's name", () => {
    const text = searchTextOf(
      `<p>Write data-pagefind-body on the element</p><article class="topic" data-pagefind-body><h1>Search</h1><p>Marks</p></article>`,
    );
    expect(text?.content).toBe("Marks");
  });

  it("reads past scripts that write the element's closing tag or a mark, and leaves them out", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><script>s("</article>")</script><p>Text</p></article><script>e.setAttribute(" data-pagefind-filter","x")</script>`,
    );
    expect(text?.content).toBe("Text");
  });

  it("finds the marked element's tag whatever its attributes' values hold before the mark", () => {
    const text = searchTextOf(`<article title="Press <Tab> > then x<b" data-pagefind-body><p>Keys</p></article>`);
    expect(text?.content).toBe("Keys");
  });

  it("takes no mark from a comment or an attribute's value that mentions one", () => {
    const text = searchTextOf(
      `<!-- Search reads data-pagefind-body only --><p title="say data-pagefind-filter here">x</p><main data-pagefind-body>y</main>`,
    );
    expect(text?.content).toBe("y");
  });

  it("reads attribute values that write tags, comments or the element's closing tag as values", () => {
    const text = searchTextOf(
      `<article data-pagefind-body data-pagefind-meta="description[data-description]" data-description="Type </article>, <h2 id=&quot;x&quot;> or <!-- in a field"><h1>T</h1><p>Body</p></article>`,
    );
    expect(text).toMatchObject({
      description: 'Type </article>, <h2 id="x"> or <!-- in a field',
      headings: [],
      content: "Body",
    });
  });

  it("reads on past text with an odd number of quotes", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><h1>T</h1><p>A 5" screen</p><h2 id="s">Sizes</h2></article>`,
    );
    expect(text).toMatchObject({ headings: ["Sizes"], content: 'A 5" screen. Sizes' });
  });

  it("keeps the marks inside what is left out of the text, unless it is left out with all its marks", () => {
    const text = searchTextOf(
      `<article data-pagefind-body><h1>T</h1><p>Read</p><section data-pagefind-ignore><span data-pagefind-filter="keyword[data-k]" data-k="kept"></span>Hidden</section><section data-pagefind-ignore="all"><span data-pagefind-filter="keyword[data-k]" data-k="dropped"></span></section></article>`,
    );
    expect(text).toMatchObject({ keywords: ["kept"], content: "Read" });
  });

  it("takes a mark's value from the element's text, an attribute or the mark itself", () => {
    const text = searchTextOf(
      `<article data-pagefind-body data-pagefind-filter="keyword:billing"><h1>T</h1><p data-pagefind-meta="description">Said <b>here</b></p><meta data-pagefind-filter="keyword[content]" content="invoices"><p>After</p></article>`,
    );
    expect(text).toMatchObject({
      description: "Said here",
      keywords: ["billing", "invoices"],
      content: "Said here. After",
    });
  });

  it("titles a page by its first heading outside what is left out with its marks, or else by its <title>", () => {
    expect(
      searchTextOf(
        `<div data-pagefind-ignore="all"><h1>Skip</h1></div><article data-pagefind-body><h1>Real</h1><p>x</p></article>`,
      )?.title,
    ).toBe("Real");
    expect(searchTextOf(`<article data-pagefind-body><p>Only text</p></article>`)).toMatchObject({
      title: "T",
      content: "Only text",
    });
  });

  it("reads the body element even when it is marked to be ignored, and never a form, a menu or a label in it", () => {
    const text = searchTextOf(
      `<article data-pagefind-body data-pagefind-ignore><h1>T</h1><nav>Menu</nav><p>Read</p><form><label>Name</label><input name="n"></form></article>`,
    );
    expect(text?.content).toBe("Read");
  });

  it("fails on a mark search does not read, a body element that never ends, and one left out with all its marks", () => {
    expect(() => searchTextOf(`<article data-pagefind-body><p data-pagefind-weight="2">x</p></article>`)).toThrow(
      "/topics/x/: search does not read data-pagefind-weight",
    );
    expect(() => pageSearchText(Buffer.from(`<article data-pagefind-body><p>x</p>`), "/topics/x/")).toThrow(
      "/topics/x/: its data-pagefind-body element has no end",
    );
    expect(() => searchTextOf(`<div data-pagefind-ignore="all"><article data-pagefind-body>x</article></div>`)).toThrow(
      '/topics/x/: its data-pagefind-body element stands inside data-pagefind-ignore="all"',
    );
  });

  it("fails, naming the page, when something outside the searched element is marked", () => {
    expect(() =>
      searchTextOf(`<span data-pagefind-filter="tag">x</span><article data-pagefind-body>y</article>`, "/topics/x/"),
    ).toThrow("/topics/x/: data-pagefind-filter stands outside the data-pagefind-body element");
  });
});

describe("characters written as references", () => {
  it("are read as the characters they name", () => {
    expect(decodeEntities("&amp;&quot;&apos;&#8364;&#X41;&#0;")).toBe("&\"'€A&#0;");
  });

  it("fail when search does not know the name, rather than be searched as a word", () => {
    expect(() => decodeEntities("a &mdash; b")).toThrow("&mdash; is a character reference search does not know");
  });
});
