import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const dayMs = 86_400_000;
const start = Date.UTC(2026, 5, 1);
const languagesMigration = readMigrations().findIndex((m) => m.name === "languages") + 1;

/** A database as it was before languages (migration 16), with answers, searches and views in it. */
async function databaseBeforeLanguages() {
  const db = await createDb({ url: `file:${join(scratchDir("language-migration"), "t.db")}`, authToken: undefined });
  await migrate(db, readMigrations().slice(0, languagesMigration - 1));
  for (let i = 0; i < 30; i++) {
    await db.execute({
      sql: `INSERT INTO feedback (id, topic, rating, found, reason, comment, client_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'h', ?, ?)`,
      args: [
        `old-${i}`,
        i % 3 === 0 ? null : "temporary-login-code",
        ["excellent", "good", "average", "poor"][i % 4] ?? null,
        i % 2 === 0 ? "no" : "yes",
        i % 2 === 0 ? "out-of-date" : null,
        i % 5 === 0 ? "A comment from before." : null,
        start + (i % 7) * dayMs,
        start,
      ],
    });
    await db.execute({
      sql: "INSERT INTO searches (query, audience, results, created_at) VALUES (?, 'public', ?, ?)",
      args: [`query ${i % 4}`, i % 3, start + (i % 5) * dayMs],
    });
  }
  await db.execute({
    sql: "INSERT INTO topic_views (topic, day, audience, views) VALUES ('temporary-login-code', ?, 'public', 12)",
    args: [start / dayMs],
  });
  return db;
}

const rows = async (db: Awaited<ReturnType<typeof createDb>>, sql: string) =>
  (await db.execute(sql)).rows.map((r) => ({ ...r }));

describe("the languages migration", () => {
  it("makes every answer, search and view from before it the default language's, with the same counts", async () => {
    const db = await databaseBeforeLanguages();
    const counts = "responses, excellent, good, average, poor, found_yes, found_no, reason_out_of_date";
    const before = {
      daily: await rows(db, `SELECT day, topic, ${counts} FROM feedback_daily ORDER BY topic, day`),
      totals: await rows(db, `SELECT topic, ${counts} FROM feedback_totals ORDER BY topic`),
      searches: await rows(
        db,
        "SELECT day, audience, query, searches, no_results FROM search_daily ORDER BY day, query",
      ),
      views: await rows(db, "SELECT topic, day, audience, views FROM topic_views"),
      viewTotals: await rows(db, "SELECT topic, audience, views FROM topic_view_totals"),
    };
    expect(before.daily.length).toBeGreaterThan(5);
    await migrate(db, readMigrations());
    const inEnglish = (list: Record<string, unknown>[]) => list.map((row) => ({ ...row, lang: "en" }));
    expect(await rows(db, `SELECT day, topic, lang, ${counts} FROM feedback_daily ORDER BY topic, day`)).toEqual(
      inEnglish(before.daily),
    );
    expect(await rows(db, `SELECT topic, lang, ${counts} FROM feedback_totals ORDER BY topic`)).toEqual(
      inEnglish(before.totals),
    );
    expect(
      await rows(db, "SELECT day, audience, lang, query, searches, no_results FROM search_daily ORDER BY day, query"),
    ).toEqual(inEnglish(before.searches));
    expect(await rows(db, "SELECT topic, day, audience, lang, views FROM topic_views")).toEqual(
      inEnglish(before.views),
    );
    expect(await rows(db, "SELECT topic, audience, lang, views FROM topic_view_totals")).toEqual(
      inEnglish(before.viewTotals),
    );
    expect(await rows(db, "SELECT DISTINCT lang FROM feedback")).toEqual([{ lang: "en" }]);
    expect(await rows(db, "SELECT DISTINCT lang FROM searches")).toEqual([{ lang: "en" }]);
  });

  it("keeps counting after it: an old answer marked spam leaves its language's count, a new one joins its own", async () => {
    const db = await databaseBeforeLanguages();
    await migrate(db, readMigrations());
    const seedTopic = "SELECT lang, responses FROM feedback_totals WHERE topic = 'temporary-login-code' ORDER BY lang";
    const [english] = await rows(db, seedTopic);
    await db.execute("UPDATE feedback SET status = 'spam' WHERE id = 'old-1'");
    await db.execute({
      sql: `INSERT INTO feedback (id, topic, lang, rating, client_hash, created_at, updated_at)
            VALUES ('new-1', 'temporary-login-code', 'de', 'good', 'h', ?, ?)`,
      args: [start, start],
    });
    await db.execute({
      sql: "INSERT INTO topic_views (topic, day, audience, lang, views) VALUES ('temporary-login-code', ?, 'public', 'de', 3)",
      args: [start / dayMs],
    });
    expect(await rows(db, seedTopic)).toEqual([
      { lang: "de", responses: 1 },
      { lang: "en", responses: Number(english?.responses) - 1 },
    ]);
    expect(await rows(db, "SELECT lang, views FROM topic_view_totals ORDER BY lang")).toEqual([
      { lang: "de", views: 3 },
      { lang: "en", views: 12 },
    ]);
  });
});
