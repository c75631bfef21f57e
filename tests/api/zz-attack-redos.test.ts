import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app.ts";

const origin = "http://help.test";
describe("attack: quadratic redaction", () => {
  it("one grapheme of ~8000 combining marks in a 16 KB comment", async () => {
    const { app } = await createTestApp({ limit: { max: 1, windowMs: 600_000 } });
    const comment = `a${"\u0301".repeat(8100)}`;
    const body = JSON.stringify({ rating: "excellent", comment });
    console.log("body bytes", Buffer.byteLength(body));
    const post = () => app.request(`${origin}/api/feedback`, {
      method: "POST", headers: { "Content-Type": "application/json", Origin: origin, "X-Test-Client": "198.51.100.1" }, body });
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      const r = await post();
      console.log("POST", r.status, (await r.text()).slice(0,150), (performance.now() - t).toFixed(0), "ms");
    }
    const put = async () => { const t = performance.now(); const r = await app.request(`${origin}/api/feedback/aaaaaaaaaaaaaaaaaaaa`, {
      method: "PUT", headers: { "Content-Type": "application/json", Origin: origin }, body: JSON.stringify({ rating: "excellent", comment, editToken: "x" }) });
      console.log("PUT", r.status, (performance.now() - t).toFixed(0), "ms"); };
    await put();
    // the event loop is blocked meanwhile: a health check waits behind it
    const t0 = performance.now();
    const [, health] = await Promise.all([post(), app.request(`${origin}/api/health`).then(() => performance.now() - t0)]);
    console.log("health answered after", health.toFixed(0), "ms");
    expect(true).toBe(true);
  }, 60_000);
});
