import { issuedCodeSchema, sandboxStateSchema } from "../../../src/shared/demo-contract.ts";
import { answer, describe } from "../openapi/describe.ts";
import { codeRevokedSchema, demoSignInOutcomeSchema, devicePairedSchema } from "./demo.schema.ts";

/** Every demo route but the first acts in the sandbox the `demo_sandbox` cookie names. */
const inSandbox = ["no_sandbox", "cross_origin", "payload_too_large", "unavailable"] as const;
const withBody = [...inSandbox, "unsupported_media_type", "invalid_json", "json_too_deep", "invalid_input"] as const;
const state = answer.json("The sandbox: its clock, people, codes and audit trail.", sandboxStateSchema);

export const demoDocs = {
  start: describe({
    tag: "demo",
    summary: "Start a sandbox of fictional users for this visitor (the `demo_sandbox` cookie)",
    answers: { 201: answer.json("Started.", sandboxStateSchema) },
    refusals: ["cross_origin", "payload_too_large", "rate_limited", "unavailable"],
  }),
  state: describe({
    tag: "demo",
    summary: "The sandbox as it is now",
    answers: { 200: state },
    refusals: ["no_sandbox", "payload_too_large", "unavailable"],
  }),
  issue: describe({
    tag: "demo",
    summary: "Issue a user a temporary login code (it replaces any earlier one)",
    answers: { 201: answer.json("The code, shown this once.", issuedCodeSchema) },
    refusals: [...withBody, "no_user"],
  }),
  revoke: describe({
    tag: "demo",
    summary: "Cancel a user's live code",
    answers: { 200: answer.json("Cancelled.", codeRevokedSchema) },
    refusals: [...inSandbox, "invalid_input", "no_user", "no_code"],
  }),
  device: describe({
    tag: "demo",
    summary: "Pair or unpair a user's device",
    answers: { 200: answer.json("Done.", devicePairedSchema) },
    refusals: [...withBody, "no_user"],
  }),
  signIn: describe({
    tag: "demo",
    summary: "Sign in to the demo with a user name and a code",
    answers: {
      200: answer.json("How the code was received; only `signed_in` lets the user in.", demoSignInOutcomeSchema),
    },
    refusals: withBody,
  }),
  clock: describe({
    tag: "demo",
    summary: "Advance the sandbox's clock (to show a code expire)",
    answers: { 200: state },
    refusals: withBody,
  }),
};
