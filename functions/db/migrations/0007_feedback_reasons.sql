-- Why a reader answered No or rated Average/Poor: one optional reason (src/shared/feedback-rules.ts).
ALTER TABLE feedback ADD COLUMN reason TEXT CHECK (
  reason IN ('missing-information', 'steps-did-not-work', 'hard-to-understand', 'out-of-date', 'something-else')
);
