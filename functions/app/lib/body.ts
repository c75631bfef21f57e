import type { Context } from "hono";
import { ApiError, invalidInput } from "../errors.ts";

/**
 * The one way the API reads a body that may come as JSON (scripts) or as a form (plain HTML
 * pages): which it was, and the fields, with the input hygiene every route gets for free —
 * a field sent twice, or text holding control characters, is a 400 naming the field, and JSON
 * nested deeper than any request needs is a 400 before anything recursive reads it.
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

const fieldProblem = (field: string, message: string) => invalidInput([{ field, message }]);

const tab = 0x09;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Whether `text` holds a control character or half a surrogate pair: a C0 control, DEL or a C1
 * control (U+0080–U+009F; U+0085 breaks lines in some logs and terminals), or a lone surrogate,
 * which is no character at all and turns into U+FFFD, or an error, once the text is UTF-8.
 * Tab, line feed and carriage return count only when `strict`.
 */
export function hasControlCharacter(text: string, strict = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (strict || (code !== tab && code !== lineFeed && code !== carriageReturn)) return true;
    } else if (code >= 0x7f && code <= 0x9f) {
      return true;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      // A high surrogate followed by a low one is one character (an emoji, say): step over both.
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Throws a 400 naming the first field whose text (at any depth) holds a control character.
 * It walks with a list of its own rather than by recursion, so no value is deep enough to
 * exhaust the call stack.
 */
export function refuseControlCharacters(value: unknown, path = ""): void {
  const pending: [unknown, string][] = [[value, path]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === "string") {
      if (hasControlCharacter(item)) {
        throw fieldProblem(
          at || "body",
          "Remove the control characters (such as NUL) and broken characters from this text.",
        );
      }
    } else if (typeof item === "object" && item !== null) {
      // Last pushed is first checked: reversed, the first field in the body is the one named.
      for (const [key, child] of Object.entries(item).reverse()) pending.push([child, at ? `${at}.${key}` : key]);
    }
  }
}

/**
 * How deeply a JSON body may nest arrays and objects. The deepest schema needs 3 (a batch of
 * searches: the body, its list, a search); anything far deeper is only there to exhaust the
 * stack of whatever walks the value recursively, so it is refused before it is parsed.
 */
export const maxJsonDepth = 16;

const quote = 0x22;
const backslash = 0x5c;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;

/**
 * Whether JSON `text` nests arrays and objects deeper than `limit`: one pass, no recursion,
 * brackets inside strings (escaped quotes included) not counted. Exact for valid JSON; text
 * that is not JSON is left for the parser to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === backslash) i++;
      else if (code === quote) inString = false;
    } else if (code === quote) {
      inString = true;
    } else if (code === openBracket || code === openBrace) {
      if (++depth > limit) return true;
    } else if (code === closeBracket || code === closeBrace) {
      depth--;
    }
  }
  return false;
}

const notJson = (cause: unknown) => new ApiError("invalid_json", "The body is not valid JSON.", { cause });

/**
 * A JSON body's text, refused with a 400 when it nests deeper than `maxJsonDepth`. Hono keeps
 * the text, so `c.req.json()` (a validator's, say) parses this same text afterwards.
 */
export async function jsonText(c: Context): Promise<string> {
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    throw notJson(error);
  }
  if (nestsDeeperThan(text, maxJsonDepth)) {
    throw new ApiError(
      "json_too_deep",
      `The body nests arrays and objects more than ${maxJsonDepth} levels deep; no request needs that many.`,
    );
  }
  return text;
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
  const text = await jsonText(c);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw notJson(error);
  }
  refuseControlCharacters(body);
  return { form: false, body };
}
