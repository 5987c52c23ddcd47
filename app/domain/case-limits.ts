/**
 * How much a reporter can add to one case (issue 13, finding 5). A person adds a few things and sends some
 * messages over weeks; a script sends hundreds in seconds and makes the case unreadable for the staff (150
 * additions made a 5.8 MB page). The limits sit far above the first and far below the second. Pure: the
 * caller counts what the case already has.
 */
export const ADDITIONS_PER_DAY = 10;
export const ADDITIONS_TOTAL = 50;
/** The story and every addition together, in characters: five full-length stories. */
export const STORY_TOTAL_MAX = 100_000;
export const MESSAGES_PER_DAY = 20;
export const MESSAGES_TOTAL = 300;
export const DAY_MS = 24 * 60 * 60_000;

export type AdditionRefusal = "additionsToday" | "additionsTotal" | "storyFull";
export type MessageRefusal = "messagesToday" | "messagesTotal";

/** Whether one more addition of `length` characters fits a story with these earlier additions. */
export function additionRefusal(
  story: { textLength: number; additions: { at: number; length: number }[] },
  length: number,
  now: number,
): AdditionRefusal | null {
  if (story.additions.length >= ADDITIONS_TOTAL) return "additionsTotal";
  if (story.additions.filter((a) => a.at > now - DAY_MS).length >= ADDITIONS_PER_DAY) return "additionsToday";
  const used = story.textLength + story.additions.reduce((sum, a) => sum + a.length, 0);
  if (used + length > STORY_TOTAL_MAX) return "storyFull";
  return null;
}

/** Whether the reporter may send one more message, given how many they sent today and in all. */
export function messageRefusal(sent: { today: number; total: number }): MessageRefusal | null {
  if (sent.total >= MESSAGES_TOTAL) return "messagesTotal";
  if (sent.today >= MESSAGES_PER_DAY) return "messagesToday";
  return null;
}
