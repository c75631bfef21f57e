import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevProvider, startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { signInTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp } from "../support/test-app.ts";
const origin = "http://help.test";
let provider: DevProvider;
beforeAll(async () => { provider = await startDevProvider({ port: 0, publicUrl: origin }); });
afterAll(() => provider.close());
describe("attack: one IPv6 /64", () => {
  it("begins unlimited sign-ins", async () => {
    const test = await createTestApp({ sites: twoSites(), signInPage: signInTemplate, sso: {
      issuer: provider.issuer, clientId: "help-center", clientSecret: "dev-secret", providerName: "P",
      employeeGroup: "help-center-staff", allowedDomains: [], publicUrl: origin } });
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      test.app.request(`${origin}/api/auth/oidc/start?next=/`, { headers: { "X-Test-Client": `2001:db8:1:2::${i.toString(16)}` } }).then((r) => r.status)));
    console.log("303s", statuses.filter((s) => s === 303).length, "attempt rows", (await test.db.execute("SELECT count(*) n FROM sso_attempts")).rows[0]?.n,
      "rate_limit rows", (await test.db.execute("SELECT count(*) n FROM rate_limits")).rows[0]?.n);
    expect(true).toBe(true);
  });
});
