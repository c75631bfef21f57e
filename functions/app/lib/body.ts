import type { Context } from "hono";
import { ApiError, Status } from "../errors.ts";

/**
 * The one way the API reads a body that may come as JSON (scripts) or as a form (plain HTML
 * pages): which it was, and the fields, with the input hygiene every route gets for free —
 * a field sent twice, or text holding control characters, is a 400 naming the field.
 */

export type BodyKind = "json" | "form";

/** What the body validator tells later handlers (see `jsonOrForm` in validate.ts). */
export interface BodyVariables {
  /** The request came from a plain HTML form: answer it with a page or a redirect. */
  formPost: boolean;
  /** A form post's fields as sent, to show them again if it must come back. */
  formFields: Record<string, string> | undefined;
}

/** The media type of the request body, or undefined for anything the API does not take. */
export function bodyKind(c: Context): BodyKind | undefined {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return "json";
  if (mediaType === "application/x-www-form-urlencoded") return "form";
  return undefined;
}

function fieldProblem(field: string, message: string): ApiError {
  return new ApiError(Status.badRequest, "invalid_input", "Some fields need attention.", {
    fields: [{ field, message }],
  });
}

const tab = 0x09;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** Whether `text` holds a C0 control or DEL; tab, line feed and carriage return count only when `strict`. */
export function hasControlCharacter(text: string, strict = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7f) return true;
    if (code < 0x20 && (strict || (code !== tab && code !== lineFeed && code !== carriageReturn))) return true;
  }
  return false;
}

/** Throws a 400 naming the first field whose text (at any depth) holds a control character. */
export function refuseControlCharacters(value: unknown, path = ""): void {
  if (typeof value === "string") {
    if (hasControlCharacter(value)) {
      throw fieldProblem(path || "body", "Remove the control characters (such as NUL) from this text.");
    }
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) refuseControlCharacters(item, path ? `${path}.${i}` : String(i));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) refuseControlCharacters(item, path ? `${path}.${key}` : key);
  }
}

/**
 * A form's fields, each sent once: "last one wins" would let a second field hide the first.
 * `sent` sees them before they are checked (to show them again on an error page).
 */
async function readForm(c: Context, sent?: (fields: Record<string, string>) => void): Promise<Record<string, string>> {
  const parsed = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    const first = Array.isArray(value) ? value[0] : value;
    fields[name] = typeof first === "string" ? first : "";
  }
  sent?.(fields);
  for (const [name, value] of Object.entries(parsed)) {
    if (Array.isArray(value)) throw fieldProblem(name, "Send this field once.");
    if (typeof value !== "string") throw fieldProblem(name, "Send text here.");
  }
  refuseControlCharacters(fields);
  return fields;
}

/** The body as JSON or as a form, with which it was: the answer differs (JSON, or a page and a redirect). */
export async function readBody(
  c: Context,
  sent?: (fields: Record<string, string>) => void,
): Promise<{ form: boolean; body: unknown }> {
  if (bodyKind(c) === "form") return { form: true, body: await readForm(c, sent) };
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new ApiError(Status.badRequest, "invalid_json", "The body is not valid JSON.", { cause: error });
  }
  refuseControlCharacters(body);
  return { form: false, body };
}
