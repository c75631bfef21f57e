import { z } from "zod";
import { topicIdPattern, topicIdRule } from "./topic-id.ts";

/** The topic id as zod checks it (kept apart from topic-id.ts so no island bundles zod). */
export const topicIdSchema = z.string().regex(topicIdPattern, topicIdRule);
