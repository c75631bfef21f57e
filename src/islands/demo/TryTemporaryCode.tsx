import { useState } from "preact/hooks";
import type { SandboxState } from "../../shared/demo-contract.ts";
import { catalogueWords, loadIslandWords } from "../island-words.ts";
import { DemoFrame } from "./DemoFrame.tsx";
import { demoApi, problemText } from "./demo-client.ts";
import { type DemoText, type DemoWords, demoText } from "./demo-words.ts";

/** The demo's words in the page's language, loaded with the demo, before it hydrates (see island-words.ts). */
const loadedWords = import.meta.env.SSR ? undefined : await loadIslandWords("demo");

interface Props {
  /** The product's name from the brand file, on the login screen's title bar. */
  productName: string;
  /** The page's language: the server renders the demo's words in it, the browser loads them. */
  lang: string;
}

/**
 * The seed topic's five steps against the real API, in a sandbox of fictional users, then a recap
 * (DemoFrame.tsx). The server renders this intro: the button is in the page, in tab order, before
 * the island wakes (it hydrates as it comes near the window). Without JavaScript the stylesheet
 * hides it (html[data-js], set by the head's inline script) and shows the note beside it instead.
 */
export default function TryTemporaryCode({ productName, lang }: Props) {
  const words = import.meta.env.SSR ? catalogueWords("demo", lang) : (loadedWords as DemoWords);
  const [started, setStarted] = useState<{ text: DemoText; sandbox: SandboxState; browserNow: number }>();
  const [problem, setProblem] = useState<string>();
  if (started) return <DemoFrame {...started} productName={productName} />;
  const start = async () => {
    setProblem(undefined);
    try {
      setStarted({ text: demoText(words, lang), sandbox: await demoApi.start(), browserNow: Date.now() });
    } catch (error) {
      setProblem(problemText(error, words));
    }
  };
  return (
    <div class="demo__intro">
      <p>{words.intro}</p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" class="button demo__start" onClick={start}>
        {words.start}
      </button>
    </div>
  );
}
