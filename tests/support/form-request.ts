/** A plain HTML form's post: its fields (in order) URL-encoded, as a browser sends them. */
export const formRequest = (
  fields: Record<string, string> | [string, string][],
  headers: Record<string, string> = {},
): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams(fields).toString(),
});
