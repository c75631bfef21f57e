import { describe } from "../openapi/describe.ts";

export const viewsDocs = {
  count: describe({
    tag: "views",
    summary: "A topic page's counter image: counts one view of the topic",
    description:
      "The same 1×1 GIF whatever happened: nothing counts for a HEAD, a reader who sends `Sec-GPC` or `DNT`, another site's page, an unknown topic, a client over its limit, or while the database is away.",
    answers: {
      200: {
        description: "The image.",
        content: { "image/gif": {} },
        headers: {
          "X-View-Counted": {
            description: "1 when this request counted a view, else 0 (for scripts; the image never says).",
            required: true,
            schema: { type: "string" },
          },
        },
      },
    },
  }),
};
