import { type Reason, reasonLabels } from "./feedback-rules.ts";

/**
 * The form's questions, worded for what is being rated: one topic, or the help center as a
 * whole (the Leave feedback page). The page hands them to the island as props, so the words
 * travel in the HTML and not in the page's JavaScript budget.
 */
export interface FeedbackWording {
  /** The rating group's legend. */
  rate: string;
  /** The comment box's label. */
  comment: string;
  /** "Why not?": its legend live (shown after a No) and without JavaScript (always shown), its choices. */
  whyNot: { legend: string; legendWithoutScript: string; reasons: Record<Reason, string> };
}

const whyNot = {
  legend: "What was wrong? (optional)",
  legendWithoutScript: "If not, or rated Average or Poor: what was wrong? (optional)",
  reasons: reasonLabels,
};

export function feedbackWording(topic: string | undefined): FeedbackWording {
  return topic
    ? { rate: "Please rate this topic.", comment: "Please tell us how we can make this topic more helpful.", whyNot }
    : {
        rate: "Please rate this help center.",
        comment: "Please tell us how we can make this help center more helpful.",
        whyNot,
      };
}
