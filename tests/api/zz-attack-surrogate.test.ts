import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app.ts";
describe("attack: lone surrogate made by the server", () => {
  it("stores what the input refused", async () => {
    const { app, db } = await createTestApp();
    const query = "a" + "\u{20000}".repeat(60);
    const r = await app.request("http://help.test/api/searches", { method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://help.test" },
      body: JSON.stringify({ searches: [{ query, results: 0 }] }) });
    console.log("status", r.status, await r.text());
    const rows = await db.execute("SELECT query, hex(substr(query, -2)) AS tail FROM searches");
    console.log(JSON.stringify(rows.rows));
    const daily = await db.execute("SELECT hex(substr(query, -2)) AS tail FROM search_daily");
    console.log(JSON.stringify(daily.rows));
    expect(true).toBe(true);
  });
});
