import { z } from "zod";

export const aliveSchema = z.strictObject({ status: z.literal("ok") });
export const readySchema = z.strictObject({ status: z.literal("ready") });
