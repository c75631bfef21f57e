import { bodyRefusals } from "../openapi/body-refusals.ts";
import { answer, describe } from "../openapi/describe.ts";
import { searchesRecordedSchema } from "./searches.schema.ts";

export const searchesDocs = {
  record: describe({
    tag: "searches",
    summary: "Record a page's searches as the reader leaves it",
    description: "Nothing is stored, and nothing counted, for a browser that sends `Sec-GPC: 1` or `DNT: 1`.",
    answers: {
      200: answer.json("Not recorded: the reader asked not to be tracked.", searchesRecordedSchema),
      202: answer.json("Recorded.", searchesRecordedSchema),
    },
    refusals: [...bodyRefusals, "rate_limited", "unavailable"],
  }),
};
