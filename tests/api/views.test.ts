import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { countView } from "../../functions/app/views/views.service.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const now = Date.UTC(2026, 10, 29, 12);
const today = Math.floor(now / 86_400_000);

type Test = Awaited<ReturnType<typeof createTestApp>>;

const view = (test: Test, topic: string, headers: Record<string, string> = {}) =>
  test.app.request(`/api/views/${topic}`, { headers });

async function counted(test: Test) {
  return (
    await test.db.execute("SELECT topic, day, audience, views FROM topic_views ORDER BY topic, audience")
  ).rows.map((r) => ({ ...r }));
}

describe("counting topic views", () => {
  it("counts a view per topic, day and build, answers an image never cached, and stores nothing about the reader", async () => {
    const test = await createTestApp({ clock: () => now });
    for (let i = 0; i < 3; i++) {
      const response = await view(test, "temporary-login-code", i === 0 ? { "Sec-Fetch-Site": "same-origin" } : {});
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/gif");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(new Uint8Array(await response.arrayBuffer()).slice(0, 6)).toEqual(new TextEncoder().encode("GIF89a"));
    }
    await staffAccounts(test.db, testPasswords).add("reader@example.com", "a long enough password");
    const cookie = await signInAs(test.app.request, {
      email: "reader@example.com",
      password: "a long enough password",
    });
    expect((await view(test, "internal-admin-temporary-code", { Cookie: cookie })).headers.get("x-view-counted")).toBe(
      "1",
    );
    expect(await counted(test)).toEqual([
      { topic: "internal-admin-temporary-code", day: today, audience: "internal", views: 1 },
      { topic: "temporary-login-code", day: today, audience: "public", views: 3 },
    ]);
    const columns = (await test.db.execute("SELECT name FROM pragma_table_info('topic_views')")).rows.map(
      (r) => r.name,
    );
    expect(columns).toEqual(["topic", "day", "audience", "lang", "views"]);
  });

  it("counts nothing for a reader who asks not to be tracked, another site's page, a HEAD, a topic the build lacks, or a made-up address", async () => {
    const test = await createTestApp({ clock: () => now });
    const answers = await Promise.all([
      view(test, "temporary-login-code", { "Sec-GPC": "1" }),
      view(test, "temporary-login-code", { DNT: "1" }),
      view(test, "temporary-login-code", { "Sec-Fetch-Site": "cross-site" }),
      test.app.request("/api/views/temporary-login-code", { method: "HEAD" }),
      view(test, "internal-admin-temporary-code"),
      view(test, "no-such-topic"),
      view(test, "..%2F..%2Fetc"),
    ]);
    expect(answers.map((a) => [a.status, a.headers.get("x-view-counted")])).toEqual(
      Array.from({ length: 7 }, () => [200, "0"]),
    );
    expect(await counted(test)).toEqual([]);
  });

  it("lets no client count more than its limit, however many views arrive at once", async () => {
    const test = await createTestApp({ clock: () => now, viewLimit: { max: 5, windowMs: 600_000 } });
    const answers = await Promise.all(Array.from({ length: 12 }, () => view(test, "temporary-login-code")));
    expect(answers.filter((a) => a.headers.get("x-view-counted") === "1")).toHaveLength(5);
    expect(await counted(test)).toEqual([{ topic: "temporary-login-code", day: today, audience: "public", views: 5 }]);
  });

  it("keeps daily and all-time rollups equal to every view counted, over a seeded random month", async () => {
    let clock = now - 30 * 86_400_000;
    const test = await createTestApp({ clock: () => clock });
    // A small linear congruential generator: the same "random" views on every run.
    let seed = 20261201;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const tally = new Map<string, number>();
    const totals = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      clock += next(2 * 3600_000);
      const topic = ["temporary-login-code", "multi-factor-authentication-overview"][next(2)] ?? "";
      const audience = next(4) === 0 ? "internal" : "public";
      await countView(test.deps.views, topic, { address: `198.51.100.${next(200)}`, audience, lang: "en" });
      const day = `${topic} ${Math.floor(clock / 86_400_000)} ${audience}`;
      tally.set(day, (tally.get(day) ?? 0) + 1);
      totals.set(`${topic} ${audience}`, (totals.get(`${topic} ${audience}`) ?? 0) + 1);
    }
    const daily = await test.db.execute("SELECT topic, day, audience, views FROM topic_views");
    expect(new Map(daily.rows.map((r) => [`${r.topic} ${r.day} ${r.audience}`, Number(r.views)]))).toEqual(tally);
    const allTime = await test.db.execute("SELECT topic, audience, views FROM topic_view_totals");
    expect(new Map(allTime.rows.map((r) => [`${r.topic} ${r.audience}`, Number(r.views)]))).toEqual(totals);
  });
});
