import { type Env, Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import packageJson from "../../../package.json" with { type: "json" };
import { describe, tags } from "./describe.ts";

const documentDocs = describe({
  tag: "openapi",
  summary: "This document: every API route, what it takes and what it answers (OpenAPI 3.1)",
  answers: {
    200: { description: "The document.", content: { "application/json": { schema: { type: "object" } } } },
  },
});

/** The document of `app`'s API, from the routes it has: each route's description and validators. */
export function apiDocument<E extends Env>(app: Hono<E>) {
  return generateSpecs(app, {
    documentation: {
      info: {
        title: "Help center API",
        version: packageJson.version,
        description:
          "Every failure has one shape, `{ error: { code, message, fields? } }`; each status lists its codes. Routes a plain HTML form posts to also answer the form: a redirect, or the page again saying what to fix. A path no route has is a 404 (`not_found`); a method a path does not take, a 405 (`method_not_allowed`) whose `Allow` lists the methods it does take.",
      },
      tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          employeeSession: {
            type: "apiKey",
            in: "cookie",
            name: "session",
            description: "An employee's session, from signing in (`__Host-session` over https).",
          },
        },
      },
    },
    // Exports (`comments.csv`) and this document end in a file name: they are routes all the same.
    excludeStaticFile: false,
    // Each route lists its own errors, in the API's one shape.
    defaultValidationErrorResponse: false,
  });
}

/**
 * `GET /api/openapi.json`: the API as `app`, which serves it, has it by the time it is asked (on
 * the edge, without the routes only Node has). Made on the first request, once per app.
 */
export function openApiRoutes<E extends Env>(app: Hono<E>) {
  let document: ReturnType<typeof apiDocument<E>> | undefined;
  return new Hono().get("/openapi.json", documentDocs, async (c) => {
    document ??= apiDocument(app).catch((error: unknown) => {
      document = undefined;
      throw error;
    });
    return c.json(await document);
  });
}
