import { useState } from "preact/hooks";
import type { SandboxState } from "../../shared/demo-contract.ts";
import { DemoFrame } from "./DemoFrame.tsx";
import { demoApi, problemText } from "./demo-client.ts";
import { type DemoText, demoText, loadDemoWords } from "./demo-words.ts";

interface Props {
  /** The product's name from the brand file, on the login screen's title bar. */
  productName: string;
  /** The page's language: the demo's words load in it when the reader starts. */
  lang: string;
  /** The only words the page carries: the intro, its button and why it could not start, before the demo loads its own. */
  intro: { intro: string; start: string; unreachable: string; failed: string };
}

/**
 * The seed topic's five steps against the real API, in a sandbox of fictional users, then a recap
 * (DemoFrame.tsx). The server renders this intro: the button is in the page, in tab order, before
 * the island wakes (it hydrates as it comes near the window). Without JavaScript the stylesheet
 * hides it (html[data-js], set by the head's inline script) and shows the note beside it instead.
 * Starting fetches the demo's words in the page's language beside the reader's new sandbox.
 */
export default function TryTemporaryCode({ productName, lang, intro }: Props) {
  const [started, setStarted] = useState<{ text: DemoText; sandbox: SandboxState; browserNow: number }>();
  const [problem, setProblem] = useState<string>();
  if (started) return <DemoFrame {...started} productName={productName} />;
  const start = async () => {
    setProblem(undefined);
    try {
      const [words, sandbox] = await Promise.all([loadDemoWords(lang), demoApi.start()]);
      setStarted({ text: demoText(words, lang), sandbox, browserNow: Date.now() });
    } catch (error) {
      setProblem(problemText(error, intro));
    }
  };
  return (
    <div class="demo__intro">
      <p>{intro.intro}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" class="button demo__start" onClick={start}>
        {intro.start}
      </button>
    </div>
  );
}
