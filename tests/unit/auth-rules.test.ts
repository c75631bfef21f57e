import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../functions/app/auth/return-path.ts";
import { fillSignInPage } from "../../functions/app/auth/sign-in-page.ts";
import { owaspScrypt, scryptPasswords } from "../../functions/node/scrypt-password.ts";

describe("the return path after sign-in", () => {
  it.each([
    ["/topics/temporary-login-code/", "/topics/temporary-login-code/"],
    ["/search/?q=code#results", "/search/?q=code#results"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
    ["/\nSet-Cookie: x", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("turns %j into %j", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });
});

describe("the sign-in page slots", () => {
  const template =
    '<form><p class="error-summary" role="alert" data-slot="error" hidden></p><input type="hidden" name="next" value="/" data-slot="next"><input id="e" name="email" value="" data-slot="email"></form>';

  it("fills where to return and what went wrong, escaped", () => {
    const html = fillSignInPage(template, { next: '/a?"><script>', error: "Wrong <b>password</b>", email: "a@b.c" });
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
  });

  it("salts every hash", async () => {
    const passwords = scryptPasswords({ N: 1024, r: 8, p: 1 });
    expect(await passwords.hash("same password twice")).not.toBe(await passwords.hash("same password twice"));
  });

  it("refuses a stored value it cannot read instead of throwing", async () => {
    expect(await scryptPasswords({ N: 1024, r: 8, p: 1 }).verify("x", "plain-text")).toBe(false);
  });
});
