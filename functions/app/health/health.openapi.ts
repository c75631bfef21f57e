import { answer, describe } from "../openapi/describe.ts";
import { aliveSchema, readySchema } from "./health.schema.ts";

export const healthDocs = {
  alive: describe({
    tag: "health",
    summary: "Liveness: the process answers (the database is not asked)",
    answers: { 200: answer.json("Alive.", aliveSchema) },
  }),
  ready: describe({
    tag: "health",
    summary: "Readiness for a load balancer: the database takes a write now, and the server is not stopping",
    answers: { 200: answer.json("Ready.", readySchema) },
    refusals: ["unavailable", "shutting_down"],
  }),
};
