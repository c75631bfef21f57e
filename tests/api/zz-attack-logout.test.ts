import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { housekeeping } from "../../functions/app/housekeeping.ts";
import { type DevProvider, devUsers, startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { ssoBrowser } from "../support/oidc-browser.ts";
import { signInTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp } from "../support/test-app.ts";

const origin = "http://help.test";
let provider: DevProvider;
beforeAll(async () => { provider = await startDevProvider({ port: 0, publicUrl: origin }); });
afterAll(() => provider.close());

describe("attack: logout token replay at the edge of its age", () => {
  it("is accepted again after housekeeping forgot its jti", async () => {
    const log = memoryLogger();
    const test = await createTestApp({ sites: twoSites(), signInPage: signInTemplate, log, sso: {
      issuer: provider.issuer, clientId: "help-center", clientSecret: "dev-secret", providerName: "P",
      employeeGroup: "help-center-staff", allowedDomains: [], publicUrl: origin } });
    const send = (token: string) => test.app.request(`${origin}/api/auth/oidc/backchannel-logout`, {
      method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ logout_token: token }).toString() });
    const b = ssoBrowser(test.app.request, origin);
    expect((await b.request(await b.throughProvider(devUsers[0]))).status).toBe(303);
    // start of a wall-clock second
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    const token = await provider.logoutToken({ sub: devUsers[0].id, iat: Math.floor(Date.now() / 1000) - 330 });
    const first = await send(token);
    const tidied = await housekeeping(test.db, Date.now());
    const b2 = ssoBrowser(test.app.request, origin);
    expect((await b2.request(await b2.throughProvider(devUsers[0]))).status).toBe(303);
    const replay = await send(token);
    console.log("first", first.status, "tidied logoutTokens", tidied.logoutTokens, "replay", replay.status, "ms into second", Date.now() % 1000);
    console.log(JSON.stringify(log.entries().filter((e) => String(e.event).startsWith("backchannel"))));
  }, 30_000);
});
