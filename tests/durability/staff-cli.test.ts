import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const databaseUrl = `file:${join(scratchDir("staff-cli"), "staff.db")}`;
const staff = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/staff.ts", ...args], {
    env: { ...process.env, LIBSQL_URL: databaseUrl },
    encoding: "utf8",
  });

describe("npm run staff", () => {
  it("adds an account with a generated password shown once, lists, resets and disables it", () => {
    const added = staff("add", "Casey@Example.com", "--generate");
    expect(added.status).toBe(0);
    const password = /Password \(shown once, store it now\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    expect(staff("add", "casey@example.com", "--generate").stderr).toContain("exists already");
    expect(staff("list").stdout).toMatch(/^casey@example\.com {2}created \d{4}-/m);

    const reset = staff("reset-password", "casey@example.com", "--generate");
    expect(reset.stdout).toContain("its sessions have ended");
    expect(reset.stdout).not.toContain(password);

    expect(staff("disable", "casey@example.com").stdout).toContain("Disabled casey@example.com");
    expect(staff("list").stdout).toContain("DISABLED");
  });

  it("lists employees who sign in with the identity provider as such", async () => {
    const db = createClient({ url: databaseUrl });
    await db.execute({
      sql: "INSERT INTO staff_users (email, password_hash, created_at, issuer, subject, name) VALUES (?, '', ?, ?, ?, ?)",
      args: ["sso.person@example.com", Date.now(), "https://login.example.com", "subject-1", "Sam Single"],
    });
    db.close();
    expect(staff("list").stdout).toMatch(
      /^sso\.person@example\.com {2}created \S+ {2}single sign-on \(https:\/\/login\.example\.com\) {2}Sam Single$/m,
    );
    expect(staff("disable", "sso.person@example.com").stdout).toContain("Disabled");
    expect(staff("list").stdout).toMatch(/^sso\.person@example\.com .*DISABLED$/m);
    // An address must sometimes be freed for good (a person's new single sign-on e-mail).
    expect(staff("remove", "sso.person@example.com").stdout).toContain("Removed sso.person@example.com");
    expect(staff("list").stdout).not.toContain("sso.person@example.com");
  });

  it("explains a bad address or an unknown command instead of failing silently", () => {
    expect(staff("add", "not-an-address", "--generate").stderr).toContain("Enter an e-mail address");
    const unknown = staff("promote", "x@example.com");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Usage:");
  });
});
