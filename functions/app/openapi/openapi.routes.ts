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
function apiDocument<E extends Env>(app: Hono<E>) {
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
 * Documents by the routes they describe: the Worker builds its app for every request, and its
 * routes are the same for as long as the isolate lives, so the document is made once there too.
 */
const documents = new Map<string, ReturnType<typeof apiDocument>>();

/** The document of `app`'s API as it is served: made once for each set of routes. */
export function documentOf<E extends Env>(app: Hono<E>): ReturnType<typeof apiDocument> {
  const key = app.routes.map((route) => `${route.method} ${route.path}`).join("\n");
  let document = documents.get(key);
  if (!document) {
    document = apiDocument(app);
    documents.set(key, document);
    document.catch(() => documents.delete(key));
  }
  return document;
}

/** `GET /api/openapi.json`: the API as `app`, which serves it, has it (on the edge, without the routes only Node has). */
export function openApiRoutes<E extends Env>(app: Hono<E>) {
  return new Hono().get("/openapi.json", documentDocs, async (c) => c.json(await documentOf(app)));
}
