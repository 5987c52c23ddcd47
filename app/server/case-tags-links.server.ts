// Kept whole (just over 300 lines): tags and links share one page action and one forget on erasure.
/**
 * Tags on cases and links between cases (issue 16, point 5; ADR 041): staff-only metadata. Each change is
 * one transaction with its internal timeline entry (the tag's text encrypted in `data_enc`, as any free
 * text) and its audit row (ids only). The rules are in app/domain/case-tags.ts and case-links.ts.
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { addTagRefusal, normaliseTag, type AddTagRefusal, type TagProblem } from "~/domain/case-tags";
import {
  linkRefusal,
  linkRow,
  roleOf,
  type LinkChoice,
  type LinkRefusal,
  type LinkRole,
} from "~/domain/case-links";
import { formatCaseCode, normaliseCaseCode } from "~/domain/codes";
import type { CaseStatus, ClosedAs } from "~/domain/vocabulary";
import { audit } from "./audit.server";
import { withCase, type Ctx } from "./case-admin/change.server";
import { recordEvent } from "./case-events.server";
import { decrypt, encrypt } from "./crypto.server";
import { getDb, schema } from "./db.server";
import type { StaffUser } from "./staff-session.server";
import type { DbOrTx } from "./tx.server";

export type Tag = { id: number; name: string };

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, "nl", { sensitivity: "base" });

/** Every tag in use, decrypted, in reading order: the suggestions and the queue's filter. */
export function allTags(db: DbOrTx = getDb()): Tag[] {
  return db
    .select({ id: schema.tags.id, nameEnc: schema.tags.nameEnc })
    .from(schema.tags)
    .all()
    .map((t) => ({ id: t.id, name: decrypt(t.nameEnc) }))
    .sort(byName);
}

/** The tags of some cases (a queue page, one case), decrypted once per tag. */
export function tagsOfCases(caseIds: number[], db: DbOrTx = getDb()): Map<number, Tag[]> {
  const out = new Map<number, Tag[]>();
  if (caseIds.length === 0) return out;
  const rows = db
    .select({ caseId: schema.caseTags.caseId, id: schema.tags.id, nameEnc: schema.tags.nameEnc })
    .from(schema.caseTags)
    .innerJoin(schema.tags, eq(schema.tags.id, schema.caseTags.tagId))
    .where(inArray(schema.caseTags.caseId, caseIds))
    .all();
  const names = new Map<number, string>();
  for (const r of rows) {
    if (!names.has(r.id)) names.set(r.id, decrypt(r.nameEnc));
    const list = out.get(r.caseId) ?? [];
    list.push({ id: r.id, name: names.get(r.id)! });
    out.set(r.caseId, list);
  }
  for (const list of out.values()) list.sort(byName);
  return out;
}

/** Deletes a tag no case carries any more: a tag that named someone does not outlive its last use. */
export function dropUnusedTags(db: DbOrTx, tagIds?: number[]) {
  db.delete(schema.tags)
    .where(
      and(
        tagIds ? inArray(schema.tags.id, tagIds) : undefined,
        sql`NOT EXISTS (SELECT 1 FROM ${schema.caseTags} WHERE ${schema.caseTags.tagId} = ${schema.tags.id})`,
      ),
    )
    .run();
}

export type TagResult =
  | { ok: true; tag: string }
  | { ok: false; reason: "not_found" | "closed" | TagProblem | AddTagRefusal | "unknownTag" };

const tagEvent = (ctx: Ctx, type: "tag_added" | "tag_removed", tag: Tag) => {
  recordEvent(
    ctx.tx,
    ctx.row.id,
    { type, staffId: ctx.me.id, params: { tagId: tag.id }, text: tag.name },
    ctx.now,
  );
  audit(
    ctx.tx,
    {
      action: type === "tag_added" ? "case_tagged" : "case_untagged",
      staffId: ctx.me.id,
      caseId: ctx.row.id,
      detail: { tagId: tag.id },
    },
    ctx.now,
  );
};

/** Puts a typed tag on a case: the existing tag of that text, or a new one. */
export function addTag(caseId: number, me: StaffUser, input: string, now = Date.now()): TagResult {
  const parsed = normaliseTag(input);
  if (!parsed.ok) return { ok: false, reason: parsed.problem };
  return withCase(caseId, me, now, (ctx): TagResult => {
    const current = [...tagsOfCases([caseId], ctx.tx).values()].flat();
    const refusal = addTagRefusal(
      current.map((t) => t.name),
      parsed.tag,
    );
    if (refusal) return { ok: false, reason: refusal };
    const tag =
      allTags(ctx.tx).find((t) => t.name === parsed.tag) ??
      ctx.tx
        .insert(schema.tags)
        .values({ nameEnc: encrypt(parsed.tag), createdAt: now })
        .returning({ id: schema.tags.id })
        .get();
    ctx.tx.insert(schema.caseTags).values({ caseId, tagId: tag.id, addedAt: now }).run();
    tagEvent(ctx, "tag_added", { id: tag.id, name: parsed.tag });
    return { ok: true, tag: parsed.tag };
  });
}

export function removeTag(caseId: number, me: StaffUser, tagId: number, now = Date.now()): TagResult {
  return withCase(caseId, me, now, (ctx): TagResult => {
    const tag = tagsOfCases([caseId], ctx.tx)
      .get(caseId)
      ?.find((t) => t.id === tagId);
    if (!tag) return { ok: false, reason: "unknownTag" };
    ctx.tx
      .delete(schema.caseTags)
      .where(and(eq(schema.caseTags.caseId, caseId), eq(schema.caseTags.tagId, tagId)))
      .run();
    dropUnusedTags(ctx.tx, [tagId]);
    tagEvent(ctx, "tag_removed", tag);
    return { ok: true, tag: tag.name };
  });
}

// ---------------------------------------------------------------- links

export type CaseLink = {
  id: number;
  role: LinkRole;
  other: { id: number; code: string; status: CaseStatus; closedAs: ClosedAs | null };
};

const l = schema.caseLinks;

function storedLinksOf(db: DbOrTx, ids: number[]) {
  return db
    .select({ id: l.id, caseId: l.caseId, linkedCaseId: l.linkedCaseId, kind: l.kind })
    .from(l)
    .where(or(inArray(l.caseId, ids), inArray(l.linkedCaseId, ids)))
    .all();
}

/** A case's links, each with the other case as the page shows it. */
export function linksOf(caseId: number, db: DbOrTx = getDb()): CaseLink[] {
  const links = storedLinksOf(db, [caseId]);
  if (links.length === 0) return [];
  const otherIds = links.map((k) => (k.caseId === caseId ? k.linkedCaseId : k.caseId));
  const others = new Map(
    db
      .select({
        id: schema.cases.id,
        code: schema.cases.code,
        status: schema.cases.status,
        closedAs: schema.cases.closedAs,
      })
      .from(schema.cases)
      .where(and(inArray(schema.cases.id, otherIds), isNull(schema.cases.erasedAt)))
      .all()
      .map((o) => [o.id, { ...o, code: formatCaseCode(o.code) }]),
  );
  return links.flatMap((k) => {
    const other = others.get(k.caseId === caseId ? k.linkedCaseId : k.caseId);
    return other ? [{ id: k.id, role: roleOf(caseId, k), other }] : [];
  });
}

export type LinkResult =
  | { ok: true; code: string }
  | {
      ok: false;
      reason: "not_found" | "codeRequired" | "unknownCode" | "erased" | LinkRefusal | "unknownLink";
      code?: string;
    };

/** The role the other case has, told on its own timeline: the mirror of this one. */
const mirror = (role: LinkRole): LinkRole =>
  role === "duplicate_of" ? "original_of" : role === "original_of" ? "duplicate_of" : "related";

/** The timeline entry and audit row on both cases: each sees the link from its own side. */
function linkEvents(
  ctx: Ctx,
  type: "case_linked" | "case_unlinked",
  other: typeof schema.cases.$inferSelect,
  role: LinkRole,
) {
  const event = (params: { code: string; caseId: number; role: LinkRole }) => ({
    type,
    staffId: ctx.me.id,
    params,
  });
  recordEvent(
    ctx.tx,
    ctx.row.id,
    event({ code: formatCaseCode(other.code), caseId: other.id, role }),
    ctx.now,
  );
  recordEvent(
    ctx.tx,
    other.id,
    event({ code: formatCaseCode(ctx.row.code), caseId: ctx.row.id, role: mirror(role) }),
    ctx.now,
  );
  for (const [self, that, r] of [
    [ctx.row.id, other.id, role],
    [other.id, ctx.row.id, mirror(role)],
  ] as const)
    audit(
      ctx.tx,
      {
        action: type,
        staffId: ctx.me.id,
        caseId: self,
        detail: { otherCaseId: that, role: r },
      },
      ctx.now,
    );
}

/**
 * Links this case to the case whose code was typed (any way a person writes a code: ADR 032's
 * normaliser). `choice` says what this case is to the other one.
 */
export function linkCase(
  caseId: number,
  me: StaffUser,
  codeInput: string,
  choice: LinkChoice,
  now = Date.now(),
): LinkResult {
  if (!codeInput.trim()) return { ok: false, reason: "codeRequired" };
  const code = normaliseCaseCode(codeInput);
  if (!code) return { ok: false, reason: "unknownCode" };
  return withCase(caseId, me, now, (ctx): LinkResult => {
    const other = ctx.tx.select().from(schema.cases).where(eq(schema.cases.code, code)).get();
    if (!other) return { ok: false, reason: "unknownCode" };
    const shown = formatCaseCode(other.code);
    if (other.erasedAt !== null) return { ok: false, reason: "erased", code: shown };
    const row = linkRow(caseId, other.id, choice);
    const refusal = linkRefusal(storedLinksOf(ctx.tx, [caseId, other.id]), row);
    if (refusal) return { ok: false, reason: refusal, code: shown };
    ctx.tx
      .insert(l)
      .values({ ...row, staffId: me.id, createdAt: now })
      .run();
    linkEvents(ctx, "case_linked", other, choice);
    return { ok: true, code: shown };
  });
}

export function unlinkCase(caseId: number, me: StaffUser, linkId: number, now = Date.now()): LinkResult {
  return withCase(caseId, me, now, (ctx): LinkResult => {
    const link = ctx.tx
      .select()
      .from(l)
      .where(and(eq(l.id, linkId), or(eq(l.caseId, caseId), eq(l.linkedCaseId, caseId))))
      .get();
    if (!link) return { ok: false, reason: "unknownLink" };
    const otherId = link.caseId === caseId ? link.linkedCaseId : link.caseId;
    const other = ctx.tx.select().from(schema.cases).where(eq(schema.cases.id, otherId)).get()!;
    ctx.tx.delete(l).where(eq(l.id, linkId)).run();
    linkEvents(ctx, "case_unlinked", other, roleOf(caseId, link));
    return { ok: true, code: formatCaseCode(other.code) };
  });
}

/** Whether this case is marked as a duplicate of another (it may then be closed as one). */
export function duplicateOf(caseId: number, db: DbOrTx = getDb()): number | null {
  return (
    db
      .select({ linkedCaseId: l.linkedCaseId })
      .from(l)
      .where(and(eq(l.caseId, caseId), eq(l.kind, "duplicate")))
      .get()?.linkedCaseId ?? null
  );
}

/** On erasure: the erased case keeps no tags and no links (only aggregate counts survive it). */
export function forgetTagsAndLinks(tx: DbOrTx, caseId: number) {
  const tagIds = tx
    .select({ tagId: schema.caseTags.tagId })
    .from(schema.caseTags)
    .where(eq(schema.caseTags.caseId, caseId))
    .all()
    .map((r) => r.tagId);
  tx.delete(schema.caseTags).where(eq(schema.caseTags.caseId, caseId)).run();
  if (tagIds.length > 0) dropUnusedTags(tx, tagIds);
  tx.delete(l)
    .where(or(eq(l.caseId, caseId), eq(l.linkedCaseId, caseId)))
    .run();
}

type MetadataAction =
  | { intent: "tag"; tag: string }
  | { intent: "untag"; tagId: number }
  | { intent: "link"; linkCode: string; linkKind: LinkChoice }
  | { intent: "unlink"; linkId: number };

/** The case page's four tag and link forms, each to its change. */
export function changeTagsOrLinks(
  caseId: number,
  me: StaffUser,
  a: MetadataAction,
  now = Date.now(),
): TagResult | LinkResult {
  switch (a.intent) {
    case "tag":
      return addTag(caseId, me, a.tag, now);
    case "untag":
      return removeTag(caseId, me, a.tagId, now);
    case "link":
      return linkCase(caseId, me, a.linkCode, a.linkKind, now);
    case "unlink":
      return unlinkCase(caseId, me, a.linkId, now);
  }
}
