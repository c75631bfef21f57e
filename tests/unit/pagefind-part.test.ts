import { describe, expect, it } from "vitest";
import { indexedPart } from "../../src/integrations/site-pagefind.ts";

const page = (body: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="de" dir="ltr"><head><title>T</title><style>p{}</style></head><body>${body}</body></html>`,
  );

/** The part Pagefind is shown of a page whose body is `body`, at `url`. */
const partOf = (body: string, url: string) => indexedPart(page(body), url);

describe("the part of a page Pagefind is shown", () => {
  it("is nothing for a page without a data-pagefind-body element", () => {
    expect(partOf("<main><h1>Home</h1></main>", "/")).toBeUndefined();
  });

  it("keeps the page's language, the first heading standing before the indexed element, and the element whole", () => {
    const part = partOf(
      `<header>Menu <script>x()</script></header><h1>Meldungen</h1><ol data-pagefind-body><li><ol><li>a</li></ol></li><li>b</li></ol><footer>Fuß</footer>`,
      "/de/alerts/",
    );
    expect(part).toBe(
      '<!DOCTYPE html><html lang="de" dir="ltr"><head></head><body><h1>Meldungen</h1><ol data-pagefind-body><li><ol><li>a</li></ol></li><li>b</li></ol></body></html>',
    );
  });

  it("finds the marked element, not a topic's text that writes the attribute's name", () => {
    const part = partOf(
      `<p>Write data-pagefind-body on the element</p><article class="topic" data-pagefind-body><h1>Search</h1></article>`,
      "/topics/search/",
    );
    expect(part).toContain('<body><article class="topic" data-pagefind-body><h1>Search</h1></article></body>');
  });

  it("reads past scripts that write the element's closing tag or a mark, and leaves them out", () => {
    const part = partOf(
      `<article data-pagefind-body><script>s("</article>")</script><p>Text</p></article><script>e.setAttribute(" data-pagefind-filter","x")</script>`,
      "/topics/script/",
    );
    expect(part).toContain("<body><article data-pagefind-body><p>Text</p></article></body>");
  });

  it("finds the marked element's tag whatever its attributes' values hold before the mark", () => {
    const part = partOf(
      `<article title="Press <Tab> > then x<b" data-pagefind-body><p>Keys</p></article>`,
      "/topics/keys/",
    );
    expect(part).toContain(
      '<body><article title="Press <Tab> > then x<b" data-pagefind-body><p>Keys</p></article></body>',
    );
  });

  it("takes no mark from a comment or an attribute's value that mentions one", () => {
    const part = partOf(
      `<!-- Pagefind reads data-pagefind-body only --><p title="say data-pagefind-filter here">x</p><main data-pagefind-body>y</main>`,
      "/topics/marks/",
    );
    expect(part).toContain("<body><main data-pagefind-body>y</main></body>");
  });

  it("fails, naming the page, when something outside the indexed element is marked for Pagefind", () => {
    expect(() =>
      partOf(`<span data-pagefind-filter="tag">x</span><article data-pagefind-body>y</article>`, "/topics/x/"),
    ).toThrow("/topics/x/: data-pagefind-filter stands outside the data-pagefind-body element");
  });
});
