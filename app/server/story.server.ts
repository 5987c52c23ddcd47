/**
 * A case's story as every reader shows it (back office, referrals): the text from `cases.story_enc` and
 * the additions in the order they were made. Each addition is a row of its own (story_additions), so
 * adding one never decrypts or re-encrypts the story. Additions made before that table existed sit inside
 * the story's own ciphertext (CaseStory.additions) and come first.
 */
import { asc, eq } from "drizzle-orm";
import type { CaseStory } from "~/domain/case-content";
import { decrypt, decryptJson, encrypt } from "./crypto.server";
import { schema } from "./db.server";
import type { DbOrTx } from "./tx.server";

const a = schema.storyAdditions;

export function storyOf(db: DbOrTx, caseId: number, storyEnc: string | null): CaseStory | null {
  const story = decryptJson<CaseStory>(storyEnc);
  const rows = db
    .select({ at: a.at, textEnc: a.textEnc })
    .from(a)
    .where(eq(a.caseId, caseId))
    .orderBy(asc(a.at), asc(a.id))
    .all();
  if (!story && rows.length === 0) return null;
  const additions = [
    ...(story?.additions ?? []),
    ...rows.map((r) => ({ at: r.at, text: decrypt(r.textEnc) })),
  ];
  return { ...(story ?? { text: "" }), additions };
}

/** The story's length and each addition's time and length, for the limits: no addition is decrypted. */
export function storySize(
  db: DbOrTx,
  caseId: number,
  storyEnc: string | null,
): { textLength: number; additions: { at: number; length: number }[] } {
  const story = decryptJson<CaseStory>(storyEnc);
  const rows = db.select({ at: a.at, length: a.chars }).from(a).where(eq(a.caseId, caseId)).all();
  return {
    textLength: story?.text.length ?? 0,
    additions: [...(story?.additions ?? []).map((x) => ({ at: x.at, length: x.text.length })), ...rows],
  };
}

export function addStoryAddition(db: DbOrTx, caseId: number, text: string, now: number) {
  db.insert(a)
    .values({ caseId, at: now, chars: text.length, textEnc: encrypt(text) })
    .run();
}
