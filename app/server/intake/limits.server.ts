/** How often one client may start and finish intakes (the contact request shares the draft limit). */
import { getTuning } from "~/config/env.server";
import { RateLimiter } from "../rate-limit.server";

/**
 * Finishing an intake: 20 cases per client per 10 minutes is far above any person, far below a flood. The
 * browser tests raise it (every test browser is 127.0.0.1).
 */
export const finishLimiter = new RateLimiter(
  "intake.finish",
  getTuning().FINISH_LIMIT_PER_10_MIN,
  10 * 60 * 1000,
);

/**
 * New drafts: 20 per client per hour. A person starts over now and then; a script made 300 drafts of
 * 20 kB in 4 seconds (issue 13, finding 5). The browser tests raise it (every test browser is 127.0.0.1).
 */
export const draftLimiter = new RateLimiter("intake.draft", getTuning().DRAFT_LIMIT_PER_HOUR, 60 * 60 * 1000);
