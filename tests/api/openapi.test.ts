import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { appMetrics } from "../../functions/app/metrics/app-metrics.ts";
import { documentOf } from "../../functions/app/openapi/openapi.routes.ts";
import { errorCodes } from "../../src/shared/api-errors.ts";
import { type OpenApiDocument, openApiConformance } from "../support/openapi-conformance.ts";
import { createTestApp } from "../support/test-app.ts";

const methods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/** The document's operations as "METHOD /path/{param}". */
const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => methods.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );

interface ErrorSchema {
  $ref?: string;
  properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
}

/** The codes an error answer's schema allows (following its reference to the document's components). */
function codesOf(document: OpenApiDocument, schema: unknown): string[] {
  let found = schema as ErrorSchema | undefined;
  const name = found?.$ref?.replace("#/components/schemas/", "");
  if (name) found = (document.components?.schemas as Record<string, ErrorSchema> | undefined)?.[name];
  return found?.properties?.error?.properties?.code?.enum ?? [];
}

/** The Node server's app: with the metrics the edge has not. */
async function servedDocument() {
  const { app } = await createTestApp({ metrics: appMetrics() });
  const answer = await app.request("/api/openapi.json");
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Content-Type")).toMatch(/^application\/json/);
  return { app, document: (await answer.json()) as OpenApiDocument };
}

describe("the API's OpenAPI document", () => {
  it("is served at /api/openapi.json, and an OpenAPI 3.1 validator finds nothing wrong with it", async () => {
    const { document } = await servedDocument();
    expect(document.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each([
    ["the Node server's, with metrics", true],
    ["the edge's, without", false],
  ])("describes every API route the app has, and no route it lacks: %s", async (_, withMetrics) => {
    const { app } = await createTestApp(withMetrics ? { metrics: appMetrics() } : {});
    const document = (await (await app.request("/api/openapi.json")).json()) as OpenApiDocument;
    const registered = app.routes
      .filter((route) => route.method !== "ALL" && route.path.startsWith("/api/"))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(new Set(operationsOf(document))).toEqual(new Set(registered));
    expect(registered.length).toBeGreaterThan(25);
    expect(registered.includes("GET /api/metrics")).toBe(withMetrics);
  });

  it("is the document the API tests hold every answer to", async () => {
    const { app, document } = await servedDocument();
    expect(document).toEqual(JSON.parse(JSON.stringify(await documentOf(app))));
  });

  it("gives each failure status the error shape with only the codes that come with that status", async () => {
    const { document } = await servedDocument();
    const seen = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.responses["500"], `${method} ${path}`).toBeDefined();
        for (const [status, response] of Object.entries(operation.responses)) {
          const json = response.content?.["application/json"];
          if (Number(status) < 400 || !json) continue;
          const codes = codesOf(document, json.schema);
          expect(codes.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const code of codes) {
            expect(errorCodes[code as keyof typeof errorCodes], `${method} ${path} ${status} ${code}`).toBe(
              Number(status),
            );
            seen.add(code);
          }
        }
      }
    }
    // Every code the API has is one some route says it answers with; a wrong method is no route's.
    expect([...seen, "method_not_allowed"].sort()).toEqual(Object.keys(errorCodes).sort());
    expect(document.info.description).toContain("405 (`method_not_allowed`)");
  });
});

describe("holding an answer to the document", () => {
  const check = async () => {
    const { document } = await servedDocument();
    return openApiConformance(document).problems;
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers });

  it("accepts an answer the document describes", async () => {
    const problems = await check();
    expect(await problems("GET", "/api/health", json(200, { status: "ok" }))).toEqual([]);
    expect(await problems("HEAD", "/api/health", new Response(null, { status: 200 }))).toEqual([]);
  });

  it("refuses a status, a body, a media type or a header the document does not describe", async () => {
    const problems = await check();
    expect(await problems("GET", "/api/health", json(418, { status: "ok" }))).toEqual([
      "it answered 418; the document describes 200, 500",
    ]);
    expect((await problems("GET", "/api/health", json(200, { status: "fine" })))[0]).toMatch(/does not match/);
    expect((await problems("GET", "/api/health", json(200, { status: "ok", extra: 1 })))[0]).toMatch(/does not match/);
    expect(
      await problems("GET", "/api/health", new Response("ok", { headers: { "Content-Type": "text/plain" } })),
    ).toEqual(["the 200 came as text/plain; the document lists application/json"]);
    const limited = json(429, { error: { code: "rate_limited", message: "Wait." } });
    expect(await problems("POST", "/api/searches", limited)).toEqual(["the 429 has no Retry-After header"]);
    const wrongCode = json(429, { error: { code: "not_found", message: "?" } }, { "Retry-After": "1" });
    expect((await problems("POST", "/api/searches", wrongCode))[0]).toMatch(/does not match its schema/);
  });

  it("expects the 404 for a path no route has, and the 405 naming the document's methods for a method a path lacks", async () => {
    const problems = await check();
    const notFound = json(404, { error: { code: "not_found", message: "No API route." } });
    expect(await problems("GET", "/api/nowhere", notFound)).toEqual([]);
    expect(await problems("GET", "/api/nowhere", json(200, {}))).toEqual([
      "no route has this path, yet it answered 200",
    ]);
    const wrongMethod = { error: { code: "method_not_allowed", message: "No." } };
    expect(await problems("DELETE", "/api/health", json(405, wrongMethod, { Allow: "GET, HEAD" }))).toEqual([]);
    expect(await problems("DELETE", "/api/health", json(405, wrongMethod, { Allow: "GET, HEAD, POST" }))).toEqual([
      "Allow is GET, HEAD, POST, not GET, HEAD",
    ]);
  });
});
