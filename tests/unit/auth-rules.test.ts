import { describe, expect, it } from "vitest";
import { passwordHasher } from "../../functions/app/auth/password.ts";
import { owaspPbkdf2Iterations, pbkdf2Passwords } from "../../functions/app/auth/pbkdf2-password.ts";
import { fillSignInPage } from "../../functions/app/auth/sign-in-page.ts";
import { readerLanguage } from "../../functions/app/lib/reader-language.ts";
import { redirectTarget } from "../../functions/app/lib/redirect-target.ts";
import { passwordWorkers } from "../../functions/node/password-workers.ts";
import { owaspScrypt, scryptPasswords } from "../../functions/node/scrypt-password.ts";
import { sampleLanguages } from "../../scripts/lib/sample-manifest.ts";

describe("the redirect target after a form", () => {
  it.each([
    ["/topics/temporary-login-code/", "/topics/temporary-login-code/"],
    ["/search/?q=code#results", "/search/?q=code#results"],
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
    ["/dashboard/?period=7d&status=new#comment-abc", "/dashboard/?period=7d&status=new#comment-abc"],
    ["/a/../b/", "/b/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the same-site path %j as %j", (next, expected) => {
    expect(redirectTarget(next)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "http://evil.example",
    "//evil.example/",
    "///evil.example/",
    "////evil.example",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/\nSet-Cookie: x",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "https:evil.example",
    "//user:pass@evil.example",
    "//evil.example@help.example",
    " //evil.example",
    "evil.example",
    "",
    "?next=//evil.example",
    "#//evil.example",
    undefined,
    null,
    42,
  ])("sends %j home instead", (next) => {
    const target = redirectTarget(next);
    expect(target).toBe("/");
  });

  it("never returns a target a browser reads as another host", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2f", "%5c", "\t", "evil.example", "@", ":", "?", "#"];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const target = redirectTarget(`/${a}${b}${c}`);
          expect(target.startsWith("/")).toBe(true);
          expect(target.startsWith("//") || target.startsWith("/\\")).toBe(false);
          expect(new URL(target, "https://help.example").host).toBe("help.example");
        }
  });
});

describe("the sign-in page slots", () => {
  const template =
    '<form><p class="error-summary" role="alert" data-slot="error" hidden></p><input type="hidden" name="next" value="/" data-slot="next"><input id="e" name="email" value="" data-slot="email"></form>';

  it("fills where to return and what went wrong, escaped", () => {
    const html = fillSignInPage(
      template,
      { next: '/a?"><script>', error: "Wrong <b>password</b>", email: "a@b.c" },
      readerLanguage(sampleLanguages, "en"),
    );
    expect(html).toContain('value="/a?&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('data-slot="error">Wrong &lt;b&gt;password&lt;/b&gt;</p>');
    expect(html).not.toContain("hidden></p>");
    expect(html).toContain('value="a@b.c"');
  });
});

describe("password hashing", () => {
  it("uses scrypt at OWASP's parameters by default and stores them with the hash", async () => {
    expect(owaspScrypt).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const passwords = scryptPasswords();
    const stored = await passwords.hash("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain("correct horse");
    expect(await passwords.verify("correct horse battery staple", stored)).toBe(true);
    expect(await passwords.verify("correct horse battery stapler", stored)).toBe(false);
    // Three full-strength hashes: well under a second alone, many times that on a loaded machine.
  }, 30_000);

  it("salts every hash", async () => {
    const passwords = scryptPasswords({ N: 1024, r: 8, p: 1 });
    expect(await passwords.hash("same password twice")).not.toBe(await passwords.hash("same password twice"));
  });

  it("refuses a stored value it cannot read instead of throwing", async () => {
    expect(await scryptPasswords({ N: 1024, r: 8, p: 1 }).verify("x", "plain-text")).toBe(false);
  });
});

describe("portable password hashes", () => {
  it("hash with PBKDF2-SHA256 at OWASP's 600,000 iterations by default, cost and salt in the hash", async () => {
    expect(owaspPbkdf2Iterations).toBe(600_000);
    const stored = await pbkdf2Passwords().hash("correct horse battery staple");
    expect(stored).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it("read the same hash on the Node hashing threads and with Web Crypto (the edge's)", async () => {
    const workers = passwordWorkers({ threads: 1, queue: 4 });
    try {
      const onThreads = pbkdf2Passwords({ iterations: 2000, derive: workers.pbkdf2 });
      const webCrypto = pbkdf2Passwords({ iterations: 2000 });
      const stored = await onThreads.hash("a password on two runtimes");
      expect(await webCrypto.verify("a password on two runtimes", stored)).toBe(true);
      expect(
        await onThreads.verify("a password on two runtimes", await webCrypto.hash("a password on two runtimes")),
      ).toBe(true);
      expect(await webCrypto.verify("another password", stored)).toBe(false);
    } finally {
      await workers.close();
    }
  });

  it("still check older scrypt hashes, and ask for them to be made again with the current scheme", async () => {
    const scrypt = scryptPasswords({ N: 1024, r: 8, p: 1 });
    const hasher = passwordHasher(pbkdf2Passwords({ iterations: 1000 }), [scrypt]);
    const old = await scrypt.hash("made before the edge");
    expect(await hasher.verify("made before the edge", old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    const current = await hasher.hash("made before the edge");
    expect(hasher.needsRehash(current)).toBe(false);
    expect(passwordHasher(pbkdf2Passwords({ iterations: 2000 })).needsRehash(current)).toBe(true);
    expect(await passwordHasher(pbkdf2Passwords()).verify("made before the edge", old)).toBe(false);
    expect(await hasher.verify("x", "pbkdf2-sha256$notanumber$$")).toBe(false);
  });
});
