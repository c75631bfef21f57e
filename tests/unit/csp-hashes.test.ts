import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InlineHashes, inlineElements } from "../../src/integrations/csp-hashes.ts";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;
const page = (style: string, script: string) =>
  inlineElements(
    Buffer.from(
      `<!doctype html><html><head><style>${style}</style></head><body><script>${script}</script></body></html>`,
    ),
  );

describe("the CSP manifest", () => {
  it("lists the hash of every inline style and script of every page, each once", () => {
    const hashes = new InlineHashes();
    hashes.add(page("a{color:red}", "go()"));
    hashes.add(page("a{color:red}", "go()"));
    // Same lengths as the first page's, other bytes: each needs its own hash.
    hashes.add(page("a{color:tan}", "do()"));
    expect(hashes.manifest()).toEqual({
      styles: [sha256("a{color:red}"), sha256("a{color:tan}")].sort(),
      scripts: [sha256("go()"), sha256("do()")].sort(),
    });
  });
});
