import { zValidator } from "@hono/zod-validator";
import type { Context, MiddlewareHandler, ValidationTargets } from "hono";
import type { z } from "zod";
import { describeIssues } from "../../../src/shared/zod-issues.ts";
import type { AppEnv } from "../deps.ts";
import { ApiError, invalidInput } from "../errors.ts";
import { documented, documentedBody } from "../openapi/describe.ts";
import { bodyKind, jsonText, readBody, refuseControlCharacters } from "./body.ts";
import { setCachePolicy } from "./cache-control.ts";
import { asUnavailable } from "./unavailable.ts";

/**
 * How every request is validated, in one of two ways:
 * - `valid(target, schema)` for a route that takes JSON only (and for params and queries);
 * - `jsonOrForm(schema)` for a route that also takes a plain HTML form.
 * Either way the handler reads `c.req.valid("json")`, every failure has the one error shape,
 * and a form post's failure can be answered with a page (`answerFormsWithPage`).
 */

/** A schema's complaints as the API's 400, each field with what to do. */
export function invalidFields(issues: readonly z.core.$ZodIssue[]): ApiError {
  return invalidInput(describeIssues(issues).map((i) => ({ field: i.field || "body", message: i.message })));
}

/**
 * zValidator with the API's one error shape: every problem, by field, in words a person can act
 * on; text with control characters in it is refused like any other bad field. A JSON body's
 * text is checked for depth first (`jsonText`); the validator then parses the text Hono kept.
 */
export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) throw invalidFields(result.error.issues);
    refuseControlCharacters(result.data);
  });
  if (target !== "json")
    return target === "query" || target === "param" ? documented(validator, target, schema) : validator;
  const depthFirst: typeof validator = async (c, next) => {
    await jsonText(c);
    return validator(c, next);
  };
  return documented(depthFirst, "json", schema);
}

/** An HTML form sends "" for every field left empty, which means "not given". */
function withoutBlankFields(form: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ""));
}

type JsonOrFormInput<S extends z.ZodType> = { in: { json: z.input<S> }; out: { json: z.output<S> } };

/**
 * The body as JSON or as a form, checked by `schema` (fields sent twice and control characters
 * refused by `readBody`, a form's blank fields taken as not given). The API's type describes
 * the JSON form, which is what scripts send; `isFormPost(c)` tells the handler which it was.
 */
export function jsonOrForm<S extends z.ZodType>(
  schema: S,
  options: {
    /** The error for a body the schema refuses (default: each field with what to fix). */
    onInvalid?: (issues: readonly z.core.$ZodIssue[]) => ApiError;
    /** For the document, when a form's fields differ from the JSON's. */
    formFields?: z.ZodType;
  } = {},
): MiddlewareHandler<AppEnv, string, JsonOrFormInput<S>> {
  const onInvalid = options.onInvalid ?? invalidFields;
  const reader: MiddlewareHandler<AppEnv, string, JsonOrFormInput<S>> = async (c, next) => {
    c.set("formPost", bodyKind(c) === "form");
    const { form, body } = await readBody(c, (fields) => c.set("formFields", fields));
    const parsed = schema.safeParse(form ? withoutBlankFields(body as Record<string, unknown>) : body);
    if (!parsed.success) throw onInvalid(parsed.error.issues);
    c.req.addValidatedData("json", parsed.data as object);
    await next();
  };
  return documentedBody(reader, schema, options.formFields);
}

/** Whether the request came from a plain HTML form (and should be answered with a page). */
export const isFormPost = (c: Context<AppEnv>) => c.get("formPost") === true;

/**
 * For routes a plain HTML form posts to: any failure of a form post — bad input, a body too
 * large to read, a limit, the database away — is answered with `page` (what to fix, what was
 * typed) instead of JSON, with the same status and headers. Scripts still get the JSON error.
 */
export function answerFormsWithPage(
  page: (c: Context<AppEnv>, error: ApiError) => string | Promise<string>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // By the body's media type: a body refused before it was read (too large) came from the form too.
    if (!c.error || bodyKind(c) !== "form") return;
    const error = c.error instanceof ApiError ? c.error : asUnavailable(c.error);
    if (!error) return;
    const headers = new Headers(c.res.headers);
    headers.set("Content-Type", "text/html; charset=UTF-8");
    setCachePolicy(headers, "noStore");
    c.res = new Response(await page(c, error), { status: error.status, headers });
  };
}
