/**
 * The "there is news" mail says only that something changed on /volgen. One staff update often makes
 * several visible changes at once (a status and a message, a referral and its status), and two identical
 * mails in the same second double what someone watching the reporter's inbox sees. So a case gets at
 * most one news mail per window: later news within it is on /volgen when the reporter follows the first
 * mail; news after the window sends a new one.
 */
export const NEWS_MAIL_WINDOW_MS = 10 * 60 * 1000;

export function newsMailDue(lastQueuedAt: number | null, now: number): boolean {
  return lastQueuedAt === null || now - lastQueuedAt >= NEWS_MAIL_WINDOW_MS || now < lastQueuedAt;
}
