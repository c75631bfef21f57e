/**
 * What every route that takes a body may refuse before its handler runs: from another site
 * (`sameOriginOnly`), too large (`limitBody`), neither JSON nor a form (`requireBody`), not JSON
 * or nested too deep (`body.ts`), unreadable to Hono itself, or a field sent twice or holding
 * control characters.
 */
export const bodyRefusals = [
  "cross_origin",
  "bad_request",
  "payload_too_large",
  "unsupported_media_type",
  "invalid_json",
  "json_too_deep",
  "invalid_input",
] as const;
