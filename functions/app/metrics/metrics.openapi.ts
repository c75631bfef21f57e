import { describe } from "../openapi/describe.ts";
import { expositionContentType } from "./exposition.ts";

export const metricsDocs = {
  read: describe({
    tag: "metrics",
    summary: "Every metric, in Prometheus' text format",
    description:
      "For a scraper with `METRICS_TOKEN` as its bearer token, or anyone on this machine. Only the Node server has this route: on the edge the platform has its own analytics.",
    answers: {
      200: { description: "The metrics.", content: { [expositionContentType]: { schema: { type: "string" } } } },
    },
    refusals: ["token_required", "local_only"],
  }),
};
