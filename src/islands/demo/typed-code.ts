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

/** What the user typed or pasted, as the eight digits to send, or why it cannot be sent yet. */
export function readTypedCode(typed: string): { ok: true; code: string } | { ok: false; message: string } {
  const code = typed.replace(/[\s-]/g, "");
  if (code === "") return { ok: false, message: "Type the 8-digit code." };
  if (!/^\d+$/.test(code)) return { ok: false, message: "The code has only digits, 0 to 9." };
  if (code.length !== codeLength)
    return { ok: false, message: `The code has 8 digits; this has ${code.length}. Check it and type it again.` };
  return { ok: true, code };
}
