import { useEffect, useRef, useState } from "preact/hooks";
import { copyToClipboard, selectTextOf } from "./clipboard.ts";
import type { DemoText } from "./demo-words.ts";
import { groupCode } from "./typed-code.ts";

/**
 * A code as people read it ("1234 5678", monospace, always left to right, in Latin digits, on an
 * Arabic page too) with a Copy button that copies the eight digits alone. Where the browser will
 * not copy, the code is selected and the status says how to copy it by hand.
 */
export function CodeToCopy({ code, text: { m } }: { code: string; text: DemoText }) {
  const [status, setStatus] = useState("");
  const digits = useRef<HTMLOutputElement>(null);
  useEffect(() => setStatus(""), [code]);
  return (
    <div class="demo__code-row">
      <output class="demo__digits" dir="ltr" ref={digits}>
        {groupCode(code)}
      </output>
      <button
        type="button"
        class="button button--quiet"
        onClick={async () => {
          if (await copyToClipboard(code)) return setStatus(m.copied);
          if (digits.current) selectTextOf(digits.current);
          setStatus(m.selected);
        }}
      >
        {m.copyCode}
      </button>
      <p class="demo__copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
