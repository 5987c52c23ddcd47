/**
 * Cookies a reporter may carry (an unfinished draft, a follow-your-case session) and how to end them all
 * at once: the quick exit and "sign out" use this. Features that add a reporter cookie register it here.
 */
import { eq } from "drizzle-orm";
import { clearCookieHeader, readCookie } from "~/http/cookies.server";
import { sha256 } from "./crypto.server";
import { getDb, schema } from "./db.server";

export const DRAFT_COOKIE = "ap_draft";
export const FOLLOW_COOKIE = "ap_follow";
export const CONTACT_DRAFT_COOKIE = "ap_contact";
const REPORTER_COOKIES = [DRAFT_COOKIE, FOLLOW_COOKIE, CONTACT_DRAFT_COOKIE, "ap_csrf"];

type Ender = (request: Request) => void;
const enders: Ender[] = [
  (request) => {
    const draft = readCookie(request, DRAFT_COOKIE);
    if (draft)
      getDb()
        .delete(schema.drafts)
        .where(eq(schema.drafts.idHash, sha256(draft)))
        .run();
  },
];

/** Lets a feature (e.g. follow sessions) drop its server-side state when the reporter leaves. */
export function onReporterSessionEnd(ender: Ender) {
  enders.push(ender);
}

/** Deletes server-side reporter state and returns Set-Cookie headers that expire every reporter cookie. */
export function endReporterSession(request: Request): string[] {
  for (const end of enders) end(request);
  return REPORTER_COOKIES.map((name) => clearCookieHeader(name));
}
