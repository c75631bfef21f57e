import { describe, expect, inject, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";

/** The Worker in workerd, started once by global-setup.ts: it records each page's language as Node does. */
const base = inject("edgeUrl");
const client = (n: number) => ({ "CF-Connecting-IP": `198.51.100.${n}` });

describe("the Worker and the language of the page", () => {
  it("stores an answer, a search and a view in the language of the page they came from", async () => {
    // Letters only: a long number in a comment is stored as [number] (personal-data.ts).
    const marker = `edge sprache ${crypto.randomUUID().replace(/[^a-f]/g, "")}`;
    const json = await fetch(`${base}/api/feedback?lang=de`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...client(40) },
      body: JSON.stringify({ topic: "temporary-login-code", rating: "poor", comment: marker }),
    });
    expect(json.status).toBe(201);
    const form = await fetch(`${base}/api/feedback?lang=ar`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...client(40) },
      body: new URLSearchParams({ topic: "temporary-login-code", comment: `${marker} form` }),
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/ar/topics/temporary-login-code/?feedback=sent#feedback-thanks");
    const searches = await fetch(`${base}/api/searches?lang=es`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...client(41) },
      body: JSON.stringify({ searches: [{ query: marker, results: 0 }] }),
    });
    expect(searches.status).toBe(202);
    const view = await fetch(`${base}/api/views/temporary-login-code?lang=es`, { headers: client(42) });
    expect(view.headers.get("x-view-counted")).toBe("1");

    const db = nodeSqliteClient(`file:${inject("edgeDatabaseFile")}`);
    try {
      const answers = await db.execute({
        sql: "SELECT lang FROM feedback WHERE comment LIKE ? ORDER BY comment",
        args: [`${marker}%`],
      });
      expect(answers.rows.map((r) => r.lang)).toEqual(["de", "ar"]);
      const searched = await db.execute({ sql: "SELECT lang FROM search_daily WHERE query = ?", args: [marker] });
      expect(searched.rows.map((r) => r.lang)).toEqual(["es"]);
      const viewed = await db.execute(
        "SELECT sum(views) AS n FROM topic_view_totals WHERE topic = 'temporary-login-code' AND lang = 'es'",
      );
      expect(Number(viewed.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it("refuses a language the help center does not speak with the one error shape, and stores nothing", async () => {
    const response = await fetch(`${base}/api/feedback?lang=fr`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...client(43) },
      body: JSON.stringify({ topic: "temporary-login-code", comment: "edge refused language" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: [{ field: "lang", message: "Send the page's language (lang): one of en, de, es, ar." }],
      },
    });
  });
});
