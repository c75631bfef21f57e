/**
 * The site's budgets and build times, printed as figures (not a timed test).
 *   npm run bench:site [-- --topics 1000 --rounds 3 --baseline starlight]
 *   npm run bench:site -- --weights-only   (part 1 alone, in seconds, on the site `npm run build` left in dist/)
 * 1. The seed topic page: HTML + CSS gzip against 14 KB; its JavaScript (inline scripts and
 *    every island module it loads) against 12 KB, none of it render-blocking. The demo and the
 *    search suggestions load on the reader's move and are printed apart.
 *    The search page's own JavaScript against the same 12 KB, and the index it loads.
 * 2. Builds of generated topics from cold caches, each into its own folder (all removed when the
 *    run ends), alternated in rounds in the same run (`--rounds`, default 3; every other round in
 *    reverse order; each verdict is the median of the ratios of two builds of the same round, run
 *    next to each other): both audiences in one pass against the public site alone (ratio <=
 *    1.5); the same topics with 2 and 4 declared languages, 10 % of the topics translated into
 *    each, and with 4 languages and no translation (each declared language with no translated
 *    topic must add under 5 %); and with `--baseline starlight` against a Starlight site of
 *    the same topics (bench/lib/starlight-site.ts): both audiences must take at most 0.9x its
 *    wall and CPU time, and no more peak memory. Each build's wall time, CPU time and peak
 *    memory are those of its whole process tree (bench/lib/process-tree.ts); where our time goes
 *    is printed phase by phase (src/integrations/build-phases.ts).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { astroBuildCommand } from "../scripts/build.ts";
import { generateContent } from "../scripts/generate-topics.ts";
import { scratchDir } from "../scripts/lib/scratch-dir.ts";
import type { Audience } from "../src/config/build-options.ts";
import type { BuildPhase } from "../src/integrations/build-phases.ts";
import { describePhases, describeRun, median, medianPhases } from "./lib/build-figures.ts";
import { measureTree, type TreeRun } from "./lib/process-tree.ts";
import { writeStarlightSite } from "./lib/starlight-site.ts";
import { flagOption, numberOption, textOption } from "./options.ts";

const htmlCssBudget = 14 * 1024;
const jsBudget = 12 * 1024;
const buildRatioBudget = 1.5;
/** What each declared language may add to the build while it has no translated topic. */
const untranslatedLanguageBudget = 0.05;
const starlightGoal = 0.9;
const topicCount = numberOption("topics", 1000);
const rounds = numberOption("rounds", 3);
const baseline = textOption("baseline", ["starlight"]);
const weightsOnly = flagOption("weights-only");

interface BuildRun extends TreeRun {
  phases: BuildPhase[];
  /** Work beside the phases: each site's CSP hashes, page texts and search index. */
  aside: BuildPhase[];
}

/*
 * Every build writes into its own scratch folder, and the folders are removed when the run ends,
 * not after each build. This machine's disk (ext4 without a journal) will not reuse an inode freed
 * in the last minutes: each file created scans past every recently freed one, so a build that
 * followed the removal of the last one's 10,000 files paid seconds of kernel time for it, more the
 * more files it wrote (measured: 10,000 pages in 0.7 s on a quiet disk, in 8.5 s after 20,000 files
 * were removed). That measured the bench's own cleanup, not the builds.
 */

/** One build of ours, from cold caches, into a scratch folder of its own. */
async function ourBuild(contentDir: string, audiences: Audience[]): Promise<BuildRun> {
  const root = scratchDir("bench-build");
  const report = join(root, "build-report.json");
  const env = { ...process.env, HELP_CONTENT_DIR: contentDir, HELP_BUILD_ROOT: root, HELP_BUILD_REPORT: report };
  const { command, args, env: buildEnv } = astroBuildCommand({ ...env, HELP_AUDIENCES: audiences.join(",") });
  const run = await measureTree(command, args, buildEnv);
  const { phases, aside } = JSON.parse(readFileSync(report, "utf8")) as BuildRun;
  return { ...run, phases, aside };
}

/** The Starlight site of the same topics, built the same way from cold caches. */
async function starlightBuild(contentDir: string): Promise<BuildRun> {
  const root = scratchDir("bench-starlight");
  writeStarlightSite(contentDir, root);
  const { command, args, env } = astroBuildCommand(process.env, { siteBuild: false, extraArgs: ["--root", root] });
  return { ...(await measureTree(command, args, env)), phases: [], aside: [] };
}

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
    /TryTemporaryCode/.test(tag) ? "demo" : /SearchSuggestions/.test(tag) ? "suggestions" : undefined;
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

if (weightsOnly) process.exit(failed ? 1 : 0);

console.log("\n== Build time, project content (both audiences, one pass)");
{
  const run = await ourBuild("content", ["public", "internal"]);
  console.log(`${describeRun(run)}; phases: ${describePhases(run.phases)}; beside them: ${describePhases(run.aside)}`);
}

console.log(`\n== Builds of ${topicCount} generated topics (cold caches, ${rounds} alternated rounds, medians)`);
const generated = scratchDir("bench-content");
generateContent(generated, topicCount);
/** The same topics in more languages: 10 % translated into each, or none. */
const inLanguages = {
  "2 languages": generatedIn(2, 0.1),
  "4 languages": generatedIn(4, 0.1),
  "4 declared, 0 translated": generatedIn(4, 0),
} as const;
function generatedIn(languages: number, translatedShare: number): string {
  const dir = scratchDir("bench-content");
  generateContent(dir, topicCount, { languages, translatedShare });
  return dir;
}
// The builds a verdict compares run next to each other: this machine's speed drifts by a fifth
// over minutes, and a pair that runs apart measures the drift as much as the builds.
const kinds = [
  "public only",
  ...(baseline ? (["Starlight"] as const) : []),
  "both audiences",
  "4 declared, 0 translated",
  "2 languages",
  "4 languages",
] as const;
type Kind = (typeof kinds)[number];
const contentOf = (kind: Kind) => (kind in inLanguages ? inLanguages[kind as keyof typeof inLanguages] : generated);
const runs = new Map<Kind, BuildRun[]>(kinds.map((kind) => [kind, []]));
for (let round = 1; round <= rounds; round++) {
  // Every other round runs the kinds in reverse: a build that runs after a bigger one (its files
  // still being written back, its folder being freed) runs as often first as last in a pair.
  for (const kind of round % 2 === 1 ? kinds : [...kinds].reverse()) {
    // The last build's writes reach the disk before this one starts, not while it runs.
    spawnSync("sync");
    const run =
      kind === "Starlight"
        ? await starlightBuild(generated)
        : await ourBuild(contentOf(kind), kind === "public only" ? ["public"] : ["public", "internal"]);
    runs.get(kind)?.push(run);
    // The machine's load when the build ended: other work on it stretches wall time most.
    console.log(`round ${round}, ${kind}: ${describeRun(run)} (load average ${loadavg()[0]?.toFixed(1)})`);
  }
}

const medianRun = (kind: Kind): BuildRun => {
  const of = runs.get(kind) ?? [];
  return {
    wallSeconds: median(of.map((r) => r.wallSeconds)),
    cpuSeconds: median(of.map((r) => r.cpuSeconds)),
    peakBytes: median(of.map((r) => r.peakBytes)),
    phases: medianPhases(of.map((r) => r.phases)),
    aside: medianPhases(of.map((r) => r.aside)),
  };
};
const both = medianRun("both audiences");
const publicOnly = medianRun("public only");
console.log("");
for (const kind of kinds) console.log(`${kind.padEnd(15)} ${describeRun(medianRun(kind))}`);
console.log(`\nwhere the time goes, both audiences: ${describePhases(both.phases)}`);
console.log(
  `  beside them (the public site is finished while the internal one renders): ${describePhases(both.aside)}`,
);
console.log(`where the time goes, public only:   ${describePhases(publicOnly.phases)}`);
console.log(`  beside them: ${describePhases(publicOnly.aside)}`);

/**
 * `kind` against `base` round by round, and the median of those ratios: each pair ran within a
 * minute of each other, so the machine's drift between rounds cancels out.
 */
function pairedRatio(kind: Kind, base: Kind, figure: "wallSeconds" | "cpuSeconds" | "peakBytes") {
  const of = runs.get(kind) ?? [];
  const each = (runs.get(base) ?? []).map((run, i) => (of[i]?.[figure] ?? Number.NaN) / run[figure]);
  return { each, median: median(each) };
}
const roundByRound = (each: number[]) => each.map((r) => r.toFixed(2)).join(", ");

console.log("\nratios of builds in the same round, median of the rounds (round by round in brackets):");
const ratio = pairedRatio("both audiences", "public only", "wallSeconds");
console.log(
  `both audiences / public only, wall: ${ratio.median.toFixed(2)} [${roundByRound(ratio.each)}] (budget ${buildRatioBudget}) ${verdict(ratio.median <= buildRatioBudget)}`,
);
console.log("\nlanguages (both audiences), against the one-language build of the same topics:");
for (const kind of Object.keys(inLanguages) as (keyof typeof inLanguages)[]) {
  const wall = pairedRatio(kind, "both audiences", "wallSeconds");
  const cpu = pairedRatio(kind, "both audiences", "cpuSeconds");
  console.log(`  ${kind}: wall ${wall.median.toFixed(3)}x [${roundByRound(wall.each)}], CPU ${cpu.median.toFixed(3)}x`);
}
const declared = pairedRatio("4 declared, 0 translated", "both audiences", "wallSeconds");
const perLanguage = (declared.median - 1) / 3;
console.log(
  `  each declared language with no translated topic adds ${(perLanguage * 100).toFixed(1)} % (budget ${untranslatedLanguageBudget * 100} %) ${verdict(perLanguage <= untranslatedLanguageBudget)}`,
);
if (baseline) {
  // Starlight builds the same topics in one language; ours in the one language, and in the four
  // the project ships with none translated: the same topic pages, plus each language's frame pages.
  for (const [label, kind] of [
    ["both audiences", "both audiences"],
    ["both audiences, 4 languages", "4 declared, 0 translated"],
  ] as const) {
    for (const [name, figure, goal] of [
      ["wall", "wallSeconds", starlightGoal],
      ["CPU", "cpuSeconds", starlightGoal],
      ["peak memory", "peakBytes", 1],
    ] as const) {
      const { median: r, each } = pairedRatio(kind, "Starlight", figure);
      console.log(
        `${label} / Starlight, ${name}: ${r.toFixed(2)} [${roundByRound(each)}] (goal ${goal}) ${verdict(r <= goal)}`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
