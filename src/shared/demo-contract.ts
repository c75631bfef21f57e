import { z } from "zod";

/**
 * The live demo's answers, as the API sends them and the widget reads them: one declaration
 * for both, and for the OpenAPI document. The widget imports the types only, so no island
 * bundles zod. Nothing here touches the DOM, the network or the database.
 */

/** How a typed code was received; `signed_in` is the only way in. */
export const verifyOutcomeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("signed_in"), oneTime: z.boolean(), expiresAt: z.number() }),
  z.strictObject({ kind: z.literal("wrong"), triesLeft: z.number() }),
  z.strictObject({ kind: z.literal("locked") }),
  z.strictObject({ kind: z.literal("expired"), expiredAt: z.number() }),
  z.strictObject({ kind: z.literal("replaced") }),
  z.strictObject({ kind: z.literal("revoked") }),
  z.strictObject({ kind: z.literal("used") }),
  z.strictObject({ kind: z.literal("no_code") }),
]);
export type VerifyOutcome = z.infer<typeof verifyOutcomeSchema>;

/** A user's latest code, as far as anyone may know it (never the code itself). */
export const codeStatusSchema = z.strictObject({
  state: z.enum(["active", "replaced", "revoked", "used", "locked", "expired"]),
  issuedAt: z.number(),
  expiresAt: z.number(),
  oneTime: z.boolean(),
  triesLeft: z.number(),
});
export type CodeStatus = z.infer<typeof codeStatusSchema>;

export const demoUserSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(["client", "staff"]),
  name: z.string(),
  username: z.string(),
  devicePaired: z.boolean(),
  /** Absent while the user has never had a code. */
  code: codeStatusSchema.optional(),
});
export type DemoUser = z.infer<typeof demoUserSchema>;

/** What a visitor's sandbox holds: its clock, its people and their codes, its audit trail (newest first). */
export const sandboxStateSchema = z.strictObject({
  /** The sandbox's own clock (epoch ms), which the demo may advance. */
  now: z.number(),
  expiresAt: z.number(),
  users: z.array(demoUserSchema),
  audit: z.array(
    z.strictObject({ event: z.string(), userId: z.string().nullable(), at: z.number(), detail: z.string().nullable() }),
  ),
});
export type SandboxState = z.infer<typeof sandboxStateSchema>;

/** The one answer that carries a code in clear: right after it was issued. */
export const issuedCodeSchema = z.strictObject({ code: z.string(), expiresAt: z.number(), oneTime: z.boolean() });
export type IssuedCode = z.infer<typeof issuedCodeSchema>;
