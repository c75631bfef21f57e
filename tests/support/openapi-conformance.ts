import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Hono } from "hono";
import type { AppEnv } from "../../functions/app/deps.ts";
import { documentOf } from "../../functions/app/openapi/openapi.routes.ts";
import { errorBodySchema } from "../../src/shared/api-errors.ts";

/**
 * Holds an API answer to the OpenAPI document the app serves (`/api/openapi.json`): a status the
 * route does not describe, a body of a media type it does not list, a JSON body its schema
 * refuses or a required header missing is a problem. A path no route has must be the API's 404,
 * and a method its path does not take the 405 naming exactly the methods the document lists.
 */

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean }>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, unknown>;
}

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");
const mediaTypeOf = (header: string | null) => (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** `/api/feedback/{id}` → a pattern matching `/api/feedback/anything-but-a-slash`. */
function patternOf(template: string): RegExp {
  const escaped = template
    .split("/")
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}

export function openApiConformance(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(document, "openapi.json");
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
  const templates = Object.keys(document.paths).map((template) => ({ template, pattern: patternOf(template) }));
  // A literal path wins over a template that also matches it.
  const pathOf = (path: string) =>
    document.paths[path] ? path : templates.find(({ pattern }) => pattern.test(path))?.template;

  async function errorProblems(response: Response, code: string): Promise<string[]> {
    const parsed = errorBodySchema().safeParse(
      await response
        .clone()
        .json()
        .catch(() => undefined),
    );
    if (!parsed.success) return ["the body is not the API's error shape"];
    return parsed.data.error.code === code ? [] : [`the error code is ${parsed.data.error.code}, not ${code}`];
  }

  /** What is wrong with `response` as the answer to `method path`; nothing when the document describes it. */
  async function problems(method: string, path: string, response: Response): Promise<string[]> {
    const template = pathOf(path);
    if (!template) {
      if (response.status !== 404) return [`no route has this path, yet it answered ${response.status}`];
      return errorProblems(response, "not_found");
    }
    const item = document.paths[template] ?? {};
    const asked = method === "HEAD" && !item.head ? "get" : method.toLowerCase();
    const operation = item[asked];
    if (!operation) {
      const methods = Object.keys(item).map((m) => m.toUpperCase());
      if (methods.includes("GET")) methods.push("HEAD");
      const allow = methods.sort().join(", ");
      if (response.status !== 405) return [`${template} has no ${method}, yet it answered ${response.status}`];
      if (response.headers.get("Allow") !== allow) return [`Allow is ${response.headers.get("Allow")}, not ${allow}`];
      return errorProblems(response, "method_not_allowed");
    }
    const status = String(response.status);
    const described = operation.responses[status];
    if (!described) {
      return [`it answered ${status}; the document describes ${Object.keys(operation.responses).join(", ")}`];
    }
    const found: string[] = [];
    for (const [name, header] of Object.entries(described.headers ?? {})) {
      if (header.required && !response.headers.has(name)) found.push(`the ${status} has no ${name} header`);
    }
    const body = method === "HEAD" ? "" : await response.clone().text();
    const content = described.content ?? {};
    if (body === "") return found;
    const mediaType = mediaTypeOf(response.headers.get("Content-Type"));
    const key = Object.keys(content).find((listed) => mediaTypeOf(listed) === mediaType);
    if (key === undefined) {
      const listed = Object.keys(content).join(", ") || "no body";
      return [...found, `the ${status} came as ${mediaType || "a body without a type"}; the document lists ${listed}`];
    }
    if (mediaType !== "application/json" || content[key]?.schema === undefined) return found;
    const pointer = ["", "paths", template, asked, "responses", status, "content", key, "schema"]
      .map(escapePointer)
      .join("/");
    const validate = validatorAt(pointer);
    if (!validate(JSON.parse(body))) {
      found.push(
        `the ${status} body does not match its schema: ${ajv.errorsText(validate.errors, { separator: "; " })}`,
      );
    }
    return found;
  }

  return { problems };
}

interface RequestingApp {
  request: (input: string | URL | Request, init?: RequestInit, ...rest: never[]) => Response | Promise<Response>;
}

/** Each document's checker, made once (apps without metrics have a route fewer). */
const checkers = new WeakMap<object, ReturnType<typeof openApiConformance>>();

/**
 * Makes `app.request` hold every `/api/` answer to the app's own OpenAPI document: a test whose
 * request gets an answer the document does not describe fails, naming what is wrong.
 */
export function checkAnswersAgainstDocument<App extends RequestingApp & Hono<AppEnv>>(app: App): App {
  const request = app.request;
  // Made as the route makes it, without a request the test's own log would show.
  const conformance = documentOf(app).then((document) => {
    let checker = checkers.get(document);
    if (!checker) {
      checker = openApiConformance(JSON.parse(JSON.stringify(document)));
      checkers.set(document, checker);
    }
    return checker;
  });
  app.request = (async (input: string | URL | Request, init?: RequestInit, ...rest: never[]) => {
    const response = await request(input, init, ...rest);
    const url = input instanceof Request ? new URL(input.url) : new URL(String(input), "http://localhost");
    if (!url.pathname.startsWith("/api/")) return response;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const found = await (await conformance).problems(method, url.pathname, response);
    if (found.length > 0) {
      throw new Error(
        `${method} ${url.pathname} got an answer /api/openapi.json does not describe:\n- ${found.join("\n- ")}`,
      );
    }
    return response;
  }) as App["request"];
  return app;
}
