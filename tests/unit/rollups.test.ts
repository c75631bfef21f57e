import { join } from "node:path";
import type { Client, InStatement } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { housekeeping } from "../../functions/app/housekeeping.ts";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { foundAnswers, ratings, reasons } from "../../src/shared/feedback-rules.ts";

const dayMs = 86_400_000;
const start = Date.UTC(2026, 0, 1);

/** A small seeded generator (mulberry32): a failure names its seed and replays exactly. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const maybe = <T>(options: readonly T[]): T | null => (next() < 0.3 ? null : pick(options));
  return { next, pick, maybe };
}

async function freshDb(): Promise<Client> {
  const db = await createDb({
    url: `file:${join(scratchDir("rollups"), "t.db")}`,
    authToken: undefined,
  });
  await migrate(db, readMigrations());
  return db;
}

const rows = async (db: Client, sql: string) => (await db.execute(sql)).rows.map((r) => ({ ...r }));

/** The raw rows counted the way the rollup counts them. */
const feedbackFromRaw = `
  SELECT created_at / 86400000 AS day, coalesce(topic, '_help-center') AS topic, lang, count(*) AS responses,
         ${ratings.map((r) => `sum(rating IS '${r}') AS ${r}`).join(", ")},
         sum(found IS 'yes') AS found_yes, sum(found IS 'no') AS found_no,
         ${reasons.map((r) => `sum(reason IS '${r}') AS reason_${r.replaceAll("-", "_")}`).join(", ")}
  FROM feedback WHERE is_spam = 0 AND status != 'spam' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const feedbackFromRollup = `SELECT * FROM feedback_daily WHERE responses > 0 ORDER BY day, topic, lang`;
const languages = ["en", "de", "ar"];

describe("daily rollups", () => {
  for (const seed of [1, 2, 3]) {
    it(`count feedback per language exactly as the raw rows do, through inserts, changed answers and spam marks (seed ${seed})`, async () => {
      const db = await freshDb();
      const r = random(seed);
      const topics = ["temporary-login-code", "multi-factor-authentication-overview", "site", null];
      // One transaction: the triggers run per statement all the same, without a disk sync each.
      const writes: InStatement[] = [];
      for (let i = 0; i < 400; i++) {
        const rating = r.maybe(ratings);
        const found = r.maybe(foundAnswers);
        const reason = rating === "poor" || found === "no" ? r.maybe(reasons) : null;
        writes.push({
          sql: `INSERT INTO feedback (id, topic, lang, rating, found, reason, comment, is_spam, status, client_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'h', ?, ?)`,
          args: [
            `id-${i}`,
            r.pick(topics),
            r.pick(languages),
            rating,
            found,
            reason,
            rating === null && found === null ? "only a comment" : null,
            r.next() < 0.05 ? 1 : 0,
            r.pick(["new", "new", "reviewed", "archived", "spam"]),
            start + Math.floor(r.next() * 60 * dayMs),
            start,
          ],
        });
      }
      for (let i = 0; i < 300; i++) {
        const id = `id-${Math.floor(r.next() * 400)}`;
        const change = r.pick(["answer", "status", "topic", "language"]);
        if (change === "answer") {
          writes.push({
            sql: "UPDATE feedback SET rating = ?, found = 'no', reason = ? WHERE id = ?",
            args: [r.pick(ratings), r.maybe(reasons), id],
          });
        } else if (change === "status") {
          writes.push({
            sql: "UPDATE feedback SET status = ? WHERE id = ?",
            args: [r.pick(["new", "spam", "reviewed"]), id],
          });
        } else if (change === "language") {
          // An answer changed from the topic's page in another language.
          writes.push({
            sql: "UPDATE feedback SET lang = ?, found = 'yes' WHERE id = ?",
            args: [r.pick(languages), id],
          });
        } else {
          writes.push({ sql: "UPDATE feedback SET topic = ? WHERE id = ?", args: [r.pick(topics), id] });
        }
      }
      await db.batch(writes, "write");
      expect(await rows(db, feedbackFromRollup)).toEqual(await rows(db, feedbackFromRaw));
      const totals = feedbackFromRaw
        .replace("created_at / 86400000 AS day, ", "")
        .replaceAll("GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", "GROUP BY 1, 2 ORDER BY 1, 2");
      expect(await rows(db, "SELECT * FROM feedback_totals WHERE responses > 0 ORDER BY topic, lang")).toEqual(
        await rows(db, totals),
      );
    });
  }

  it("keeps the counts when old rows are deleted (retention, a privacy request)", async () => {
    const db = await freshDb();
    for (let i = 0; i < 10; i++) {
      await db.execute({
        sql: `INSERT INTO feedback (id, topic, rating, client_hash, created_at, updated_at) VALUES (?, 'a-topic', 'good', 'h', ?, ?)`,
        args: [`id-${i}`, start + i * dayMs, start],
      });
    }
    const before = await rows(db, feedbackFromRollup);
    await db.execute({ sql: "DELETE FROM feedback WHERE created_at < ?", args: [start + 5 * dayMs] });
    expect(await rows(db, feedbackFromRollup)).toEqual(before);
  });

  it("counts searches per language exactly as the raw rows do", async () => {
    const db = await freshDb();
    const r = random(7);
    const writes: InStatement[] = [];
    for (let i = 0; i < 500; i++) {
      const results = r.next() < 0.3 ? 0 : Math.floor(r.next() * 5) + 1;
      writes.push({
        sql: `INSERT INTO searches (query, audience, lang, results, opened, created_at, partial, corrected)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          r.pick(["temporary code", "mfa", "invoice", "pasword"]),
          r.pick(["public", "internal"]),
          r.pick(languages),
          results,
          results > 0 && r.next() < 0.4 ? "/topics/x/" : null,
          start + Math.floor(r.next() * 30 * dayMs),
          results === 0 && r.next() < 0.5 ? 1 : 0,
          results > 0 && r.next() < 0.2 ? "password" : null,
        ],
      });
    }
    await db.batch(writes, "write");
    expect(
      await rows(
        db,
        "SELECT day, audience, lang, query, searches, no_results, opened, partial, corrected IS NOT NULL AS corrected FROM search_daily ORDER BY day, audience, lang, query",
      ),
    ).toEqual(
      await rows(
        db,
        `SELECT created_at / 86400000 AS day, audience, lang, query, count(*) AS searches, sum(results = 0) AS no_results,
                sum(opened IS NOT NULL) AS opened, sum(partial) AS partial, max(corrected IS NOT NULL) AS corrected
         FROM searches GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ),
    );
  });

  it("lets housekeeping delete feedback past its retention age and keep its counts, and searches with their daily counts", async () => {
    const db = await freshDb();
    const now = start + 800 * dayMs;
    for (const [n, age] of [
      [1, 731],
      [2, 729],
    ] as const) {
      await db.execute({
        sql: `INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at) VALUES (?, 't', 'good', 'c', 'h', ?, ?)`,
        args: [`id-${n}`, now - age * dayMs, now],
      });
    }
    for (const age of [400, 390]) {
      await db.execute({
        sql: "INSERT INTO searches (query, audience, results, created_at) VALUES ('code', 'public', 1, ?)",
        args: [now - age * dayMs],
      });
    }
    const feedbackCounts = () => rows(db, feedbackFromRollup);
    const searchDays = async () =>
      (await rows(db, "SELECT day FROM search_daily ORDER BY day")).map((r) => now / dayMs - Number(r.day));
    const before = await feedbackCounts();
    expect(await searchDays()).toEqual([400, 390]);
    expect(await housekeeping(db, now)).toMatchObject({ feedback: 1, searches: 1, searchDays: 1 });
    expect(await rows(db, "SELECT id FROM feedback")).toEqual([{ id: "id-2" }]);
    expect(
      (await rows(db, "SELECT created_at FROM searches")).map((r) => (now - Number(r.created_at)) / dayMs),
    ).toEqual([390]);
    expect(await feedbackCounts()).toEqual(before);
    // What readers typed is kept no longer than the searches themselves, whole days at a time.
    expect(await searchDays()).toEqual([390]);
    expect(await housekeeping(db, now, { feedbackDays: 1, searchDays: 1 })).toMatchObject({
      feedback: 1,
      searches: 1,
      searchDays: 1,
    });
    expect(await searchDays()).toEqual([]);
  });
});
