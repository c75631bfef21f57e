import { describe, expect, it } from "vitest";
import { fillSignInPage } from "../../functions/app/auth/sign-in-page.ts";
import { escapeHtml } from "../../functions/app/lib/html.ts";
import { readerLanguage } from "../../functions/app/lib/reader-language.ts";
import { afterBodyOpen, fillInputSlot, fillMarkupSlot, fillTextSlot } from "../../functions/app/lib/slots.ts";
import { customerViewBar } from "../../functions/app/site/customer-view.ts";
import { signedInAs } from "../../functions/app/site/employee-bar.ts";
import { sampleLanguages } from "../../scripts/lib/sample-manifest.ts";

const english = readerLanguage(sampleLanguages, "en");
const patterns = ["$&", "$`", "$'", "$1", "$$", "$<name>"];
const page =
  '<html><body class="x"><p data-slot="error" hidden></p><input name="next" value="/" data-slot="next"><div data-slot="main"></div></body></html>';

describe("filling server slots", () => {
  it.each(patterns)("inserts %s as itself in every kind of slot", (pattern) => {
    expect(fillInputSlot(page, "next", `/a${pattern}`)).toContain(`value="${escapeHtml(`/a${pattern}`)}"`);
    expect(fillTextSlot(page, "error", `oops ${pattern}`)).toContain(
      `data-slot="error">${escapeHtml(`oops ${pattern}`)}</p>`,
    );
    const markup = `<ul><li>${pattern}</li></ul>`;
    const filled = fillMarkupSlot(page, "main", markup);
    expect(filled).toContain(markup);
    expect(filled).not.toContain('data-slot="main"');
    expect(afterBodyOpen(page, `<b>${pattern}</b>`)).toContain(`<body class="x"><b>${pattern}</b><p`);
  });

  it("keeps the page whole: each filled page has the template's length plus what was inserted", () => {
    const filled = fillMarkupSlot(page, "main", "$`$'");
    expect(filled.length).toBe(page.length - '<div data-slot="main"></div>'.length + 4);
  });

  it("fills the sign-in page and the customer-view bar with replacement patterns kept as text", async () => {
    const html = fillSignInPage(page, { next: "/$&/", email: "a$'@b.c", error: "x" }, english);
    expect(html).toContain('value="/$&amp;/"');
    const response = await customerViewBar(
      new Response(page, { headers: { "Content-Type": "text/html" } }),
      "/topics/$&$`/",
      english,
    );
    const bar = await response.text();
    expect(bar).toContain('name="next" value="/topics/$&amp;$`/"');
    expect(bar.match(/<body/g)).toHaveLength(1);
  });

  it("writes who is signed in as text, and leaves answers that are not whole pages alone", async () => {
    const employeePage = page.replace('data-slot="error"', 'data-slot="employee"');
    const html = (status: number, type = "text/html") =>
      new Response(employeePage, { status, headers: { "Content-Type": type, "Content-Length": "1" } });
    const filled = await signedInAs(html(200), "<b>$&</b>@example.com", english);
    expect(await filled.text()).toContain(
      'data-slot="employee">Signed in as &lt;b&gt;$&amp;&lt;/b&gt;@example.com</p>',
    );
    expect(filled.headers.get("Content-Length")).toBeNull();
    for (const untouched of [html(206), html(200, "text/css")]) {
      expect(await (await signedInAs(untouched, "kim@example.com", english)).text()).toBe(employeePage);
    }
  });
});
