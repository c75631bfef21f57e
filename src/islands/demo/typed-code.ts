import type { DemoText } from "./demo-words.ts";

/**
 * How the demo shows a code and reads one back. A code is eight digits; people read it best in
 * two groups of four, and may type or paste it with the space, so the space is never required.
 */

const codeLength = 8;
const group = codeLength / 2;

/** "1234 5678": for reading and reading aloud. Anything but eight digits is left as it is. */
export function groupCode(code: string): string {
  return /^\d{8}$/.test(code) ? `${code.slice(0, group)} ${code.slice(group)}` : code;
}

/** Digits as other scripts write them (Arabic-Indic ٠١٢, Persian ۰۱۲, full-width ０１２), as 0 to 9. */
const otherDigits = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;
const zeros = [0x660, 0x6f0, 0xff10];
const asciiDigit = (digit: string) => {
  const point = digit.charCodeAt(0);
  const zero = zeros.find((start) => point >= start && point <= start + 9) ?? point;
  return String(point - zero);
};

/**
 * What the user typed or pasted, as the eight digits to send, or why it cannot be sent yet. A
 * code read off an Arabic page may be typed in Arabic-Indic digits: they are the same digits.
 */
export function readTypedCode(
  { m, f }: DemoText,
  typed: string,
): { ok: true; code: string } | { ok: false; message: string } {
  const code = typed.replace(/[\s-]/g, "").replace(otherDigits, asciiDigit);
  if (code === "") return { ok: false, message: m.typeCode };
  if (!/^\d+$/.test(code)) return { ok: false, message: m.digitsOnly };
  if (code.length !== codeLength) return { ok: false, message: f(m.wrongLength, { count: code.length }) };
  return { ok: true, code };
}
