/**
 * The site's budgets and build times, printed as figures (not a timed test).
 *   npm run bench:site [-- --topics 1000 --runs 2]
 * 1. The seed topic page: HTML + CSS gzip against 14 KB; its JavaScript (inline scripts and
 *    every island module it loads) against 12 KB, none of it render-blocking. The demo and the
 *    search suggestions load on the reader's move and are printed apart.
 *    The search page's own JavaScript against the same 12 KB, and the index it loads.
 * 2. Build time of both audiences (with their Pagefind indexes) against the public-only build
 *    of the same content, both from cold caches in the same run, alternated (`--runs`, default 2,
 *    fastest of each kept): the ratio must stay <= 1.5.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSite } from "../scripts/build.ts";
import { generateContent } from "../scripts/generate-topics.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import { numberOption } from "./options.ts";

const htmlCssBudget = 14 * 1024;
const jsBudget = 12 * 1024;
const buildRatioBudget = 1.5;
const topicCount = numberOption("topics", 1000);
const runs = numberOption("runs", 2);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A module and every module it imports statically (dynamic imports load only when used). */
function moduleGraph(siteDir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(siteDir, entry), "utf8");
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g)) {
    const spec = match[1] ?? "";
    if (spec.startsWith(".")) moduleGraph(siteDir, join(entry, "..", spec), seen);
  }
  return seen;
}

function pageWeight(siteDir: string, path: string) {
  const html = readFileSync(join(siteDir, path, "index.html"), "utf8");
  const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
    readFileSync(join(siteDir, m[1] ?? ""), "utf8"),
  );
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => {
    const attrs = m[1] ?? "";
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    const body = src ? readFileSync(join(siteDir, src), "utf8") : (m[2] ?? "");
    // Only an external classic script holds rendering up while it downloads.
    const blocking = src !== undefined && !/type="module"|\b(async|defer)\b/.test(attrs);
    return { bytes: gz(body), blocking };
  });
  // Islands: the component and the renderer Astro loads for it, with what they import. Two load
  // only on the reader's move and sit outside the budget: the live demo (when scrolled into view)
  // and the header's search suggestions (when the search box gets focus). Modules they share with
  // the counted islands are counted once, with them.
  const lazyIsland = (tag: string) =>
    /TryTemporaryCode/.test(tag) ? "demo" : /client="focus"/.test(tag) ? "suggestions" : undefined;
  const islandModules = (kind: "demo" | "suggestions" | undefined) => {
    const files = new Set<string>();
    for (const tag of html.matchAll(/<astro-island\b[^>]*>/g)) {
      if (lazyIsland(tag[0]) !== kind) continue;
      for (const m of tag[0].matchAll(/(?:component|renderer)-url="([^"]+)"/g)) {
        for (const file of moduleGraph(siteDir, m[1] ?? "")) files.add(file);
      }
    }
    return files;
  };
  const counted = islandModules(undefined);
  const weigh = (files: Iterable<string>) =>
    [...files].map((file) => ({ file, bytes: gz(readFileSync(join(siteDir, file))) }));
  const lazyOnly = (kind: "demo" | "suggestions") => weigh([...islandModules(kind)].filter((f) => !counted.has(f)));
  return {
    htmlCss: gz(html + stylesheets.join("")),
    scripts,
    islands: weigh(counted),
    demo: lazyOnly("demo"),
    suggestions: lazyOnly("suggestions"),
  };
}

async function timedBuild(contentDir: string, audiences: ("public" | "internal")[]): Promise<number> {
  const root = scratchDir("bench-build");
  const started = performance.now();
  try {
    await buildSite(audiences, { ...process.env, HELP_CONTENT_DIR: contentDir, HELP_BUILD_ROOT: root });
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

let failed = false;
const verdict = (ok: boolean) => {
  failed ||= !ok;
  return ok ? "ok" : "OVER BUDGET";
};

console.log("== Page weight: /topics/temporary-login-code/ (public build in dist/)");
const seed = pageWeight("dist", "topics/temporary-login-code");
console.log(
  `HTML + CSS gzip: ${kb(seed.htmlCss)} (budget ${kb(htmlCssBudget)}) ${verdict(seed.htmlCss <= htmlCssBudget)}`,
);
const inlineJs = seed.scripts.reduce((sum, s) => sum + s.bytes, 0);
const islandJs = seed.islands.reduce((sum, s) => sum + s.bytes, 0);
const blocking = seed.scripts.filter((s) => s.blocking).length;
console.log(
  `scripts in the page: ${kb(inlineJs)} in ${seed.scripts.length}; render-blocking: ${blocking} ${verdict(blocking === 0)}`,
);
for (const island of seed.islands) console.log(`  island module ${island.file}: ${kb(island.bytes)}`);
const jsTotal = inlineJs + islandJs;
console.log(`JavaScript gzip in all: ${kb(jsTotal)} (budget ${kb(jsBudget)}) ${verdict(jsTotal <= jsBudget)}`);
const demoJs = seed.demo.reduce((sum, s) => sum + s.bytes, 0);
console.log(`live demo widget, loaded when scrolled into view (outside the budget): ${kb(demoJs)} more`);
const suggestionsJs = seed.suggestions.reduce((sum, s) => sum + s.bytes, 0);
console.log(
  `search suggestions, loaded when the search box gets focus (outside the budget): ${kb(suggestionsJs)} more`,
);

console.log("\n== The search page: /search/ (public build in dist/)");
{
  const html = readFileSync(join("dist", "search", "index.html"), "utf8");
  const modules = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    for (const file of moduleGraph("dist", m[1] ?? "")) modules.add(file);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + gz(m[1] ?? ""),
    0,
  );
  const own = [...modules].reduce((sum, file) => sum + gz(readFileSync(join("dist", file))), 0);
  const searchJs = inline + own;
  console.log(
    `its own JavaScript gzip (page scripts and the search code they import): ${kb(searchJs)} (page budget ${kb(jsBudget)}) ${verdict(searchJs <= jsBudget)}`,
  );
  console.log(
    `the search index it loads (gzip, ${readFileSync(join("dist", "search-index.json")).length} bytes raw): ${kb(gz(readFileSync(join("dist", "search-index.json"))))}`,
  );
}

console.log("\n== Build time, project content (both audiences, side by side)");
console.log(`both audiences: ${(await timedBuild("content", ["public", "internal"])).toFixed(1)} s`);

console.log(`\n== Build time, ${topicCount} generated topics (cold caches, same run)`);
const generated = scratchDir("bench-content");
try {
  generateContent(generated, topicCount);
  // Alternate the two and keep each one's fastest run: the machines here are shared and noisy,
  // and the fastest run is the one least disturbed by anything else.
  const publicRuns: number[] = [];
  const bothRuns: number[] = [];
  for (let run = 0; run < runs; run++) {
    publicRuns.push(await timedBuild(generated, ["public"]));
    bothRuns.push(await timedBuild(generated, ["public", "internal"]));
  }
  const publicOnly = Math.min(...publicRuns);
  const both = Math.min(...bothRuns);
  console.log(
    `runs: public ${publicRuns.map((t) => t.toFixed(1)).join(", ")} s; both ${bothRuns.map((t) => t.toFixed(1)).join(", ")} s`,
  );
  const ratio = both / publicOnly;
  console.log(`public only:    ${publicOnly.toFixed(1)} s`);
  console.log(`both audiences: ${both.toFixed(1)} s`);
  console.log(`ratio: ${ratio.toFixed(2)} (budget ${buildRatioBudget}) ${verdict(ratio <= buildRatioBudget)}`);
} finally {
  rmSync(generated, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
