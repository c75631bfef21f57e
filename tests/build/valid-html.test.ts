import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { findOrInstallDebianTool } from "../support/debian-tools.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const java = findOrInstallDebianTool({
  purpose: "The HTML validity test",
  envVar: "JAVA_PATH",
  path: "/usr/bin/java",
  debianPackage: "default-jre-headless",
});
const vnuJar = join("node_modules", "vnu-jar", "build", "dist", "vnu.jar");
const pagesDir = scratchDir("valid-html");
afterAll(() => rmSync(pagesDir, { recursive: true, force: true }));

const builtPages = (siteDir: string) =>
  readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => join(siteDir, file));

/** Pages the server fills in at request time, from the built templates: saved for the checker. */
async function serverRenderedPages(): Promise<string[]> {
  const page = (dir: string, path: string) => readFileSync(join(dir, path, "index.html"), "utf8");
  const { app, db } = await createTestApp({
    signInPage: page("dist", "sign-in"),
    feedbackCheckPage: page("dist", "feedback/check"),
    dashboardPage: page("dist-internal", "dashboard"),
  });
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  await staffAccounts(db, testPasswords).add("writer@example.com", "a long enough password");
  const cookie = await signInAs(app.request, { email: "writer@example.com", password: "a long enough password" });
  await app.request(
    "/api/feedback",
    form({ topic: "temporary-login-code", rating: "poor", reason: "out-of-date", comment: "Out of date <b>" }),
  );
  await app.request("/api/searches", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      searches: [
        { query: "invoice", results: 0 },
        { query: "code", results: 2 },
      ],
    }),
  });
  const answers = {
    "sign-in-refused": await app.request("/api/auth/login", form({ email: "writer@example.com", password: "wrong" })),
    "feedback-check": await app.request("/api/feedback", form({ topic: "temporary-login-code", rating: "great" })),
    dashboard: await app.request("/dashboard/", { headers: { Cookie: cookie } }),
    "dashboard-topic": await app.request("/dashboard/?topic=temporary-login-code&status=any", {
      headers: { Cookie: cookie },
    }),
    "dashboard-searches": await app.request("/dashboard/searches/", { headers: { Cookie: cookie } }),
  };
  expect(Object.values(answers).map((r) => r.status)).toEqual([401, 400, 200, 200, 200]);
  mkdirSync(pagesDir, { recursive: true });
  return Promise.all(
    Object.entries(answers).map(async ([name, response]) => {
      const html = await response.text();
      expect(html, name).toContain("</html>");
      if (name === "dashboard") expect(html).toContain("Out of date &lt;b>");
      if (name === "dashboard-searches") expect(html).toContain("invoice");
      const file = join(pagesDir, `${name}.html`);
      writeFileSync(file, html);
      return file;
    }),
  );
}

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

it("passes the W3C Nu Html Checker with zero errors on every built page of both audiences and every server-filled page", async () => {
  const files = [...builtPages("dist"), ...builtPages("dist-internal"), ...(await serverRenderedPages())];
  expect(files.length).toBeGreaterThan(20);
  // Java ignores TMPDIR: it is told where the run's temporary folder is, and keeps no
  // hsperfdata_<user> folder (always in /tmp) for its performance counters.
  const javaOptions = ["-XX:-UsePerfData", `-Djava.io.tmpdir=${tmpdir()}`];
  const vnuOptions = ["--format", "json", "--stdout", "--exit-zero-always"];
  const report = execFileSync(java, [...javaOptions, "-jar", vnuJar, ...vnuOptions, ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const errors = (JSON.parse(report) as { messages: VnuMessage[] }).messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map(
      (m) => `${m.url.replace(/^file:.*?\/(dist|dist-internal|valid-html[^/]*)\//, "$1/")}:${m.lastLine}: ${m.message}`,
    );
  expect(errors).toEqual([]);
}, 120_000);

it("ships no source comment to readers in any built page of either audience (Astro's island markers aside)", () => {
  const comments = [...builtPages("dist"), ...builtPages("dist-internal")].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/<!--(?!astro:end-->)[\s\S]*?-->/g)].map(
      ([comment]) => `${file}: ${comment.slice(0, 60)}`,
    ),
  );
  expect(comments).toEqual([]);
});
