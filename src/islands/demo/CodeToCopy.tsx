import { useEffect, useRef, useState } from "preact/hooks";
import { copyToClipboard, selectTextOf } from "./clipboard.ts";
import { copyStatus } from "./demo-text.ts";
import { groupCode } from "./typed-code.ts";

/**
 * A code as people read it ("1234 5678", monospace, always left to right) with a Copy button
 * that copies the eight digits alone. Where the browser will not copy, the code is selected and
 * the status says how to copy it by hand.
 */
export function CodeToCopy({ code }: { code: string }) {
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
          if (await copyToClipboard(code)) return setStatus(copyStatus.copied);
          if (digits.current) selectTextOf(digits.current);
          setStatus(copyStatus.selected);
        }}
      >
        Copy code
      </button>
      <p class="demo__copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
