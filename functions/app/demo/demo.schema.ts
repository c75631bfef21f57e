import { z } from "zod";
import { verifyOutcomeSchema } from "../../../src/shared/demo-contract.ts";

export const demoUserParamSchema = z.object({ userId: z.string().regex(/^[a-z]+-[a-z]+$/, "Unknown user.") });

export const issueCodeSchema = z.strictObject({
  /** A one-time code stops working after its first sign-in; otherwise it works until it expires. Default: multi-use. */
  oneTime: z.boolean({ error: "Send oneTime as true or false." }).default(false),
});

export const deviceSchema = z.strictObject({ paired: z.boolean({ error: "Send paired as true or false." }) });

export const demoSignInSchema = z.strictObject({
  username: z.string({ error: "Enter the user name." }).trim().min(1, "Enter the user name.").max(40),
  // Read as people copy it: "1234 5678" or "1234-5678" is the same code.
  code: z
    .string({ error: "Type the 8-digit code." })
    .max(40, "Type the 8-digit code: eight numbers.")
    .transform((code) => code.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{8}$/, "Type the 8-digit code: eight numbers.")),
});

export const advanceClockSchema = z.strictObject({
  hours: z
    .number({ error: "Send hours as a number." })
    .int()
    .min(1, "Advance by at least 1 hour.")
    .max(72, "Advance by at most 72 hours."),
});

export const codeRevokedSchema = z.strictObject({ revoked: z.literal(true) });
export const devicePairedSchema = z.strictObject({ paired: z.boolean() });
export const demoSignInOutcomeSchema = z.strictObject({ outcome: verifyOutcomeSchema });
