/** A topic's id is its file name without `.mdx`; it is also its URL: `/topics/<id>/`. */
export const topicIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const topicIdRule = "use lower-case words joined by hyphens, like the file name";

/**
 * Feedback on the help center as a whole has no topic. Where a value must stand for it (the
 * dashboard's filters, the form's remembered answer) it is this one, which no topic id can
 * take, so a topic file named `site.mdx` can never merge with it.
 */
export const wholeSite = "_help-center";
