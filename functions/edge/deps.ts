import type { Client } from "@libsql/client";
import type { Context } from "hono";
import { passwordHasher } from "../app/auth/password.ts";
import { pbkdf2Passwords } from "../app/auth/pbkdf2-password.ts";
import { type AppDeps, assembleDeps } from "../app/deps.ts";
import { createWebHasher, type Hasher } from "../app/lib/crypto.ts";
import { type KnownRefusals, knownRefusals } from "../app/lib/known-refusals.ts";
import { jsonLogger } from "../app/lib/log.ts";
import { type InlineHashes, mergeInlineHashes, parseInlineHashes } from "../app/security-headers.ts";
import type { Sites } from "../app/site/audience.ts";
import { builtPage, type LanguagePages } from "../app/site/built-pages.ts";
import { staticSite } from "../app/site/static-site.ts";
import { type TopicCatalog, topicCatalog } from "../app/topic-catalog.ts";
import { assetFiles, assetFolders, readAsset } from "./asset-files.ts";
import type { AssetsBinding, EdgeConfig } from "./env.ts";

/** What the two builds give the app: read once per isolate, since a deployment's assets never change. */
interface BuildParts {
  topics: { public: TopicCatalog; internal: TopicCatalog };
  pages: { signIn: LanguagePages; feedbackCheck: LanguagePages; dashboard: string | undefined };
  inlineHashes: InlineHashes;
  publicAssets: ReadonlySet<string>;
}

async function readJson(assets: AssetsBinding, path: string): Promise<unknown> {
  const text = await readAsset(assets, path);
  if (text === undefined) throw new Error(`${path} is missing from the static assets: build and assemble them first.`);
  return JSON.parse(text);
}

async function readBuildParts(assets: AssetsBinding): Promise<BuildParts> {
  const { public: pub, internal } = assetFolders;
  const [publicTopics, internalTopics, publicHashes, internalHashes, shared, dashboard] = await Promise.all([
    readJson(assets, `${pub}/topics.json`),
    readJson(assets, `${internal}/topics.json`),
    readJson(assets, `${pub}/csp-hashes.json`),
    readJson(assets, `${internal}/csp-hashes.json`),
    readJson(assets, "/public-assets.json"),
    readAsset(assets, `${internal}/dashboard/index.html`),
  ]);
  const topics = { public: topicCatalog(publicTopics), internal: topicCatalog(internalTopics) };
  const defaultLang = topics.public.languages.default;
  // Each language's page is read the first time a reader of that language needs it.
  const publicPage = (folder: string) => readAsset(assets, `${pub}/${folder}/index.html`);
  return {
    topics,
    pages: {
      signIn: builtPage(publicPage, defaultLang, "sign-in"),
      feedbackCheck: builtPage(publicPage, defaultLang, "feedback/check"),
      dashboard,
    },
    inlineHashes: mergeInlineHashes([parseInlineHashes(publicHashes), parseInlineHashes(internalHashes)]),
    publicAssets: new Set(Array.isArray(shared) ? shared.map(String) : []),
  };
}

const buildParts = new WeakMap<AssetsBinding, Promise<BuildParts>>();

/** What `make` gives for a configuration, made once and kept while the isolate lives. */
function perConfig<T>(make: (config: EdgeConfig) => T): (config: EdgeConfig) => T {
  const made = new WeakMap<EdgeConfig, T>();
  return (config) => {
    let value = made.get(config);
    if (value === undefined) {
      value = make(config);
      made.set(config, value);
    }
    return value;
  };
}

/**
 * Web Crypto's PBKDF2 at OWASP's cost: scrypt at OWASP's cost needs 128 MiB, an isolate's whole
 * memory. One per isolate, so that the sign-in's timing decoy is hashed once (auth/sign-in.ts).
 */
const passwords = passwordHasher(pbkdf2Passwords());

/** The keyed hasher imports its key once per configuration, not once per request. */
const hasherFor = perConfig((config): Hasher => createWebHasher(config.serverSecret));
/** Requests come and go; what the database refused is remembered as long as the isolate lives. */
const refusalsFor = perConfig((): KnownRefusals => knownRefusals());

/**
 * The client of a request on the edge: Cloudflare's own `CF-Connecting-IP` (a client cannot
 * set it there), and https as the request arrived (the platform terminates TLS).
 */
const edgeRequestClient = (c: Context) => ({
  address: c.req.header("CF-Connecting-IP") ?? "unknown",
  https: c.req.url.startsWith("https:"),
  // Cloudflare names each request (and overwrites what a client sent): the log line keeps its name.
  requestId: c.req.header("CF-Ray"),
});

/**
 * Everything the app needs on the edge, for one request: the database client is made per
 * request from the bindings (an isolate serves many, and I/O objects must not cross them);
 * what the builds hold is read once per isolate.
 */
export async function edgeDeps(
  config: EdgeConfig,
  assets: AssetsBinding,
  db: Client,
): Promise<{ deps: AppDeps; sites: Sites }> {
  let parts = buildParts.get(assets);
  if (!parts) {
    parts = readBuildParts(assets);
    buildParts.set(assets, parts);
    parts.catch(() => buildParts.delete(assets));
  }
  const build = await parts;
  const deps = assembleDeps({
    db,
    hasher: hasherFor(config),
    passwords,
    clock: Date.now,
    topics: build.topics,
    signInPages: build.pages.signIn,
    feedbackCheckPages: build.pages.feedbackCheck,
    dashboardPage: build.pages.dashboard,
    inlineHashes: build.inlineHashes,
    requestClient: edgeRequestClient,
    log: jsonLogger(undefined, undefined, config.logLevel),
    runtime: "edge",
    webhook: config.webhook,
    allowedOrigins: config.allowedOrigins,
    feedbackLimit: config.feedbackLimit,
    searchLimit: config.searchLimit,
    viewLimit: config.viewLimit,
    knownRefusals: refusalsFor(config),
    sessionPolicy: config.sessionPolicy,
    dbWaitMs: config.database.waitMs,
    sso: config.sso,
    localSignIn: config.localSignIn,
  });
  const sites: Sites = {
    public: staticSite(assetFiles(assets, assetFolders.public)),
    internal: staticSite(assetFiles(assets, assetFolders.internal), { private: true }),
    isPublicAsset: (path) => path.startsWith("/_astro/") && build.publicAssets.has(path.slice("/_astro/".length)),
  };
  return { deps, sites };
}
