import type { MiddlewareHandler } from "hono";
import {
  type ContentWithResolver,
  describeRoute,
  type ResponsesWithResolver,
  resolver,
  uniqueSymbol,
} from "hono-openapi";
import type { z } from "zod";
import { type ErrorCode, errorBodySchema, errorCodes } from "../../../src/shared/api-errors.ts";

/**
 * How a route says what it answers, next to the schemas it validates with: the OpenAPI
 * document (`/api/openapi.json`) is generated from these and the validators, never written by
 * hand, and the API tests hold every answer to it (tests/support/openapi-conformance.ts).
 */

/** The document's sections, one per feature folder. */
export const tags = {
  health: "Liveness and readiness",
  feedback: "Readers' feedback on topics",
  searches: "What readers searched for",
  views: "Topic views, counted by an image",
  auth: "Employees' sign-in, sign-out and view",
  demo: "The live demo of temporary login codes",
  dashboard: "The feedback dashboard's data (employees only)",
  metrics: "Prometheus metrics (the Node server only)",
  openapi: "This document",
} as const;
export type Tag = keyof typeof tags;

interface Header {
  description: string;
  required?: boolean;
  schema: { type: "string" | "integer" };
}

/** One status's answer: what it means, its bodies by media type, its headers. */
export interface Answer {
  description: string;
  content?: ContentWithResolver;
  headers?: Record<string, Header>;
}

/** Bodies the server writes are described as it writes them (zod's output side); requests as clients send them. */
const written = (schema: z.ZodType) => resolver(schema, { options: { io: "output" } });
export const sent = (schema: z.ZodType) => resolver(schema);
const text = { schema: { type: "string" as const } };

export const answer = {
  json: (description: string, schema: z.ZodType): Answer => ({
    description,
    content: { "application/json": { schema: written(schema) } },
  }),
  /** A page for a person (a plain HTML form's answer, or single sign-on's). */
  page: (description: string): Answer => ({ description, content: { "text/html": text } }),
  /** A file to download (`Content-Disposition: attachment`). */
  file: (description: string, mediaType: string, schema?: z.ZodType): Answer => ({
    description,
    content: { [mediaType]: schema ? { schema: written(schema) } : text },
    headers: {
      "Content-Disposition": { description: "attachment; filename=…", required: true, schema: { type: "string" } },
    },
  }),
  seeOther: (description: string): Answer => ({
    description,
    headers: { Location: { description: "Where the browser goes next.", required: true, schema: { type: "string" } } },
  }),
  empty: (description: string): Answer => ({ description }),
};

const errorMeaning: Record<number, string> = {
  400: "The request cannot be used as sent.",
  401: "Not signed in, or the sign-in failed.",
  403: "Refused: sent from another site, or not by a browser's navigation.",
  404: "No such thing (or no longer).",
  405: "The path does not take this method; `Allow` lists those it takes.",
  413: "The body is larger than this route takes.",
  415: "The body is neither of the media types this route takes.",
  429: "Too many requests from this client; try again after `Retry-After` seconds.",
  500: "A fault on the server's side (logged with the request id).",
  503: "The database or password hashing is busy or away, or the server is stopping; try again after `Retry-After` seconds.",
};

const errorHeaders: Record<number, Record<string, Header>> = {
  405: { Allow: { description: "The methods the path takes.", required: true, schema: { type: "string" } } },
  429: { "Retry-After": { description: "Seconds to wait.", required: true, schema: { type: "integer" } } },
  503: { "Retry-After": { description: "Seconds to wait, when waiting helps.", schema: { type: "integer" } } },
};

/** One schema per list of codes, named after them: the document refers to it wherever that list recurs. */
const errorBodies = new Map<string, z.ZodType>();
function errorBodyOf(codes: readonly [ErrorCode, ...ErrorCode[]]): z.ZodType {
  const id = `Error-${codes.join("-")}`;
  let schema = errorBodies.get(id);
  if (!schema) {
    schema = errorBodySchema(codes).meta({ id });
    errorBodies.set(id, schema);
  }
  return schema;
}

/** Headers that come with one code only. */
const codeHeaders: Partial<Record<ErrorCode, Record<string, Header>>> = {
  token_required: {
    "WWW-Authenticate": { description: 'Bearer realm="metrics"', required: true, schema: { type: "string" } },
  },
};

/** The headers of a status's answer: the status's own, and a code's own when every code listed has it. */
function headersOf(status: number, codes: readonly ErrorCode[]): { headers?: Record<string, Header> } {
  const own = codes.map((code) => codeHeaders[code] ?? {});
  const shared = Object.fromEntries(
    Object.entries(own[0] ?? {}).filter(([name]) => own.every((headers) => name in headers)),
  );
  const headers = { ...errorHeaders[status], ...shared };
  return Object.keys(headers).length > 0 ? { headers } : {};
}

/** The error answers for `codes` (and the 500 any route may give), one per status, each listing its codes. */
function errorAnswers(codes: readonly ErrorCode[], asPage: readonly ErrorCode[]): Record<number, Answer> {
  const byStatus = new Map<number, [ErrorCode, ...ErrorCode[]]>();
  // In the list's order, so the same codes always make the same schema.
  const listOrder = Object.keys(errorCodes);
  const sorted = [...new Set<ErrorCode>([...codes, "internal_error"])].sort(
    (a, b) => listOrder.indexOf(a) - listOrder.indexOf(b),
  );
  for (const code of sorted) {
    const listed = byStatus.get(errorCodes[code]);
    if (listed) listed.push(code);
    else byStatus.set(errorCodes[code], [code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, listed]) => {
      const page = listed.some((code) => asPage.includes(code));
      const answer: Answer = {
        description: `${errorMeaning[status] ?? "Refused."} Codes: ${listed.join(", ")}.${page ? " A plain HTML form's post gets its page back instead, saying what to fix." : ""}`,
        content: {
          "application/json": { schema: written(errorBodyOf(listed)) },
          ...(page ? { "text/html": text } : {}),
        },
        ...headersOf(status, listed),
      };
      return [status, answer];
    }),
  );
}

/** Two answers for the same status (a page or JSON, say): either may come. */
function either(a: Answer | undefined, b: Answer): Answer {
  if (!a) return b;
  return {
    description: `${a.description} Or: ${b.description}`,
    content: { ...a.content, ...b.content },
    headers: { ...a.headers, ...b.headers },
  };
}

export interface Operation {
  summary: string;
  description?: string;
  tag: Tag;
  /** What the route answers when it does its work (and its own pages). */
  answers: Record<number, Answer>;
  /** The error codes it may answer with; their statuses follow from the codes. */
  refusals?: readonly ErrorCode[];
  /** Of those, the ones a plain HTML form's post gets back as a page instead of JSON. */
  asPage?: readonly ErrorCode[];
  /** Answers only a signed-in employee (the session cookie). */
  employeesOnly?: boolean;
  /** A body the route reads itself, without a validator to describe it. */
  body?: { description: string; content: ContentWithResolver };
}

/** A route's entry in the OpenAPI document, as a middleware placed first in the route. */
export function describe(operation: Operation): MiddlewareHandler {
  const errors = errorAnswers(operation.refusals ?? [], operation.asPage ?? []);
  const responses: ResponsesWithResolver = { ...errors };
  for (const [status, own] of Object.entries(operation.answers))
    responses[status] = either(errors[Number(status)], own);
  return describeRoute({
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    responses,
    ...(operation.body ? { requestBody: { required: true, ...operation.body } } : {}),
    ...(operation.employeesOnly ? { security: [{ employeeSession: [] }] } : {}),
  });
}

/** A validator of a query, path or JSON body, marked with its schema: the document lists what it checks. */
export function documented<M extends MiddlewareHandler>(
  middleware: M,
  target: "json" | "query" | "param",
  schema: z.ZodType,
): M {
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });
}

/** A body reader that takes JSON or a plain HTML form, marked with both: `form` where a form's fields differ. */
export function documentedBody<M extends MiddlewareHandler>(middleware: M, json: z.ZodType, form = json): M {
  const content: ContentWithResolver = {
    "application/json": { schema: resolver(json) },
    "application/x-www-form-urlencoded": { schema: resolver(form) },
  };
  return Object.assign(middleware, { [uniqueSymbol]: { spec: { requestBody: { required: true, content } } } });
}
