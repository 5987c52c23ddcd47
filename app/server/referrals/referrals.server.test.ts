// Kept whole (over 300 lines): a referral's life (made, opened, withdrawn, clocked) with one set of fixtures.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { clockWorkingDays, workingDaysAfter } from "~/domain/case-clocks";
import { REFERRAL_LINK_MS, type ReferralContent } from "~/domain/referrals";
import { reporterTimeline } from "~/domain/reporter-view";
import { municipalityId, openTestCase, organisationId } from "../../../tests/helpers/follow-fixtures";
import { createTestDb, testStaff } from "../../../tests/helpers/test-db";
import { changeConsents } from "../consent.server";
import { decrypt, decryptJson } from "../crypto.server";
import { schema, type Db } from "../db.server";
import { addInformation } from "../follow.server";
import { processOutbox } from "../outbox-worker.server";
import { casesWithOrganisationNews, referralPanel } from "./case-panel.server";
import { referralChoices } from "./choices.server";
import { createReferral, renewReferralLink } from "./create.server";
import { renderReferralMail } from "./mail.server";
import { openReferral, reportReferralStatus } from "./organisation-link.server";
import { signLink } from "../signed-links.server";
import type { StaffUser } from "../staff-session.server";

let db: Db;
let me: StaffUser;

const T0 = Date.UTC(2026, 2, 2, 10);

beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "ombudsworker");
  db.update(schema.organisations)
    .set({ referralEmail: "meldingen@igj.example" })
    .where(eq(schema.organisations.kind, "igj"))
    .run();
  db.update(schema.organisations)
    .set({ referralEmail: "vng@vng.example" })
    .where(eq(schema.organisations.kind, "vng"))
    .run();
  db.update(schema.organisations)
    .set({ referralEmail: "jeugd@amsterdam.example" })
    .where(eq(schema.organisations.cbsCode, "GM0363"))
    .run();
});

/** A complaint: IGJ consent without identity, municipality (Amsterdam) consent with identity, contact details. */
const openCase = () =>
  openTestCase(
    {
      contactMethod: "email",
      contact: { name: "Sam Jansen", email: "sam@example.org" },
    },
    { now: T0, db },
  );

const rows = <T>(q: { all: () => T[] }) => q.all();
const referrals = (caseId: number) =>
  rows(db.select().from(schema.referrals).where(eq(schema.referrals.caseId, caseId)));
const events = (caseId: number) =>
  rows(
    db
      .select()
      .from(schema.caseEvents)
      .where(eq(schema.caseEvents.caseId, caseId))
      .orderBy(schema.caseEvents.id),
  );
const mails = () => rows(db.select().from(schema.outbox).orderBy(schema.outbox.id));
const audits = (caseId: number) =>
  rows(
    db.select().from(schema.auditLog).where(eq(schema.auditLog.caseId, caseId)).orderBy(schema.auditLog.id),
  );
const tokenIn = (body: string) => /\/verwijzing\/([A-Za-z0-9_.-]+)/.exec(body)![1]!;

describe("creating a referral", () => {
  it("writes the referral, its frozen copy, both timeline events, one mail and the audit entry together", async () => {
    const c = await openCase();
    const igj = organisationId("igj", db);
    const result = createReferral(
      me,
      c.caseId,
      { organisationId: igj, parts: ["story", "themes"], coveringNote: "Graag uw oordeel." },
      T0 + 1000,
    );
    expect(result.ok).toBe(true);
    const [ref] = referrals(c.caseId);
    expect(ref).toMatchObject({
      organisationId: igj,
      parts: ["story", "themes"],
      status: "pending",
      linkVersion: 1,
    });
    expect(ref!.linkExpiresAt).toBe(T0 + 1000 + REFERRAL_LINK_MS);
    const content = decryptJson<Record<string, unknown>>(ref!.contentEnc)!;
    expect(content).toMatchObject({ parts: ["story", "themes"], coveringNote: "Graag uw oordeel." });
    expect(JSON.stringify(content)).toContain("[story-marker]");
    expect(JSON.stringify(content)).not.toContain("sam@example.org");
    expect(ref!.contentEnc).not.toContain("story-marker");

    const types = events(c.caseId).map((e) => [e.type, e.reporterVisible]);
    expect(types).toEqual(
      expect.arrayContaining([
        ["referral_shared", false],
        ["referral_created", true],
      ]),
    );
    const shared = events(c.caseId).find((e) => e.type === "referral_shared")!;
    expect(decrypt(shared.dataEnc!)).toBe("Graag uw oordeel.");
    expect(db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!.status).toBe(
      "referred",
    );

    const [mail] = mails().filter((m) => m.purpose.startsWith("referral:"));
    expect(mail!.purpose).toBe(`referral:${ref!.id}`);
    expect(decrypt(mail!.toEnc)).toBe("meldingen@igj.example");
    expect(mail!.subject).toContain(`R-${ref!.id}`);
    // The link is not stored: the worker makes the body when it sends the mail.
    expect(mail!.bodyText).not.toContain("/verwijzing/");
    const body = renderReferralMail(db, mail!.purpose)!.bodyText;
    expect(body).toContain("Inspectie Gezondheidszorg en Jeugd (IGJ)");
    expect(body).toContain("http://localhost:3000/verwijzing/");
    // No story, no case code, nothing about the reporter in the mail.
    expect(body).not.toContain("story-marker");
    expect(body).not.toContain(c.code);
    expect(body).not.toContain(c.code.replace("-", ""));
    expect(body).not.toContain("Graag uw oordeel");
    expect(body).not.toContain("Sam");
    expect(audits(c.caseId).map((a) => a.action)).toContain("referral_created");
  });

  it("copies the period as the years the reporter gave (2019 to 2021), not as dates of 1970", async () => {
    const c = await openCase();
    const result = createReferral(
      me,
      c.caseId,
      { organisationId: organisationId("igj", db), parts: ["unit_period"], coveringNote: "" },
      T0 + 1000,
    );
    expect(result.ok).toBe(true);
    const content = decryptJson<Record<string, { fromYear: number; toYear: number }>>(
      referrals(c.caseId)[0]!.contentEnc,
    )!;
    expect(content.unitPeriod).toMatchObject({ fromYear: 2019, toYear: 2021 });
  });

  it("copies the story's additions, in order, into the frozen copy", async () => {
    const c = await openCase();
    addInformation(c.caseId, "Eerste aanvulling", { now: T0 + 1, db });
    addInformation(c.caseId, "Tweede aanvulling", { now: T0 + 2, db });
    const result = createReferral(
      me,
      c.caseId,
      { organisationId: organisationId("igj", db), parts: ["story"], coveringNote: "" },
      T0 + 1000,
    );
    expect(result.ok).toBe(true);
    const content = decryptJson<ReferralContent>(referrals(c.caseId)[0]!.contentEnc)!;
    expect(content.story?.additions).toEqual([
      { at: T0 + 1, text: "Eerste aanvulling" },
      { at: T0 + 2, text: "Tweede aanvulling" },
    ]);
  });

  it("refuses a part the reporter did not consent to on the server, and writes nothing", async () => {
    const c = await openCase();
    const before = mails().length;
    // The IGJ consent is without identity: contact details may not go, whatever the form says.
    const result = createReferral(me, c.caseId, {
      organisationId: organisationId("igj", db),
      parts: ["story", "contact"],
      coveringNote: "",
    });
    expect(result).toEqual({ ok: false, reason: "no_identity_consent", part: "contact" });
    expect(referrals(c.caseId)).toEqual([]);
    expect(mails().length).toBe(before);
    expect(events(c.caseId).some((e) => e.type.startsWith("referral_"))).toBe(false);
  });

  it("refuses a recipient without consent, the VNG, and a municipality other than the reporter's", async () => {
    const c = await openCase();
    const tryRefer = (organisationId: number) =>
      createReferral(me, c.caseId, { organisationId, parts: ["story"], coveringNote: "" });
    expect(tryRefer(organisationId("ozj", db))).toMatchObject({ ok: false, reason: "no_consent" });
    expect(tryRefer(organisationId("vng", db))).toMatchObject({ ok: false, reason: "no_consent_category" });
    expect(tryRefer(municipalityId("GM0344", db))).toMatchObject({ ok: false, reason: "other_municipality" });
    expect(referrals(c.caseId)).toEqual([]);
    // With identity consent the reporter's own municipality may get the contact details.
    expect(
      createReferral(me, c.caseId, {
        organisationId: municipalityId("GM0363", db),
        parts: ["story", "contact"],
        coveringNote: "",
      }).ok,
    ).toBe(true);
  });

  it("refuses an organisation without an address for referrals", async () => {
    const c = await openCase();
    db.update(schema.organisations)
      .set({ referralEmail: null })
      .where(eq(schema.organisations.kind, "igj"))
      .run();
    expect(
      createReferral(me, c.caseId, {
        organisationId: organisationId("igj", db),
        parts: ["story"],
        coveringNote: "",
      }),
    ).toMatchObject({ ok: false, reason: "no_email" });
  });

  it("says with each suggestion whether the organisation has a referral address", async () => {
    const c = await openCase();
    expect(referralPanel(c.caseId, db)!.suggestions.map((s) => s.organisation?.hasReferralEmail)).toEqual([
      true,
    ]);
    db.update(schema.organisations)
      .set({ referralEmail: null })
      .where(eq(schema.organisations.kind, "igj"))
      .run();
    expect(referralPanel(c.caseId, db)!.suggestions.map((s) => s.organisation)).toEqual([
      {
        id: organisationId("igj", db),
        name: "Inspectie Gezondheidszorg en Jeugd (IGJ)",
        hasReferralEmail: false,
      },
    ]);
  });

  it("offers the suggested organisations first, with the parts each may get", async () => {
    const c = await openCase();
    const choices = referralChoices(c.caseId, organisationId("igj", db), db)!;
    expect(choices.suggestions.map((s) => [s.destination, s.consent, s.organisation?.name])).toEqual([
      ["igj", "given", "Inspectie Gezondheidszorg en Jeugd (IGJ)"],
    ]);
    expect(choices.groups.suggested.map((o) => o.name)).toEqual(
      expect.arrayContaining(["Inspectie Gezondheidszorg en Jeugd (IGJ)", "Amsterdam"]),
    );
    expect(choices.selected?.options).toEqual({
      block: null,
      parts: {
        story: "available",
        themes: "available",
        unit_period: "available",
        contact: "no_identity_consent",
      },
    });
  });
});

async function referredCase(parts = ["story", "themes"]) {
  const c = await openCase();
  const result = createReferral(
    me,
    c.caseId,
    { organisationId: organisationId("igj", db), parts, coveringNote: "Zie het verhaal." },
    T0,
  );
  if (!result.ok) throw new Error(result.reason);
  const mail = mails().find((m) => m.purpose === `referral:${result.referralId}`)!;
  return {
    ...c,
    referralId: result.referralId,
    token: tokenIn(renderReferralMail(db, mail.purpose)!.bodyText),
  };
}

describe("the organisation's link", () => {
  it("shows exactly what was shared, and every view is in the audit log", async () => {
    const c = await referredCase();
    const opened = openReferral(c.token, T0 + 60_000);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.view.reference).toBe(`R-${c.referralId}`);
    expect(opened.view.content?.parts).toEqual(["story", "themes"]);
    expect(opened.view.content?.story?.text).toContain("[story-marker]");
    expect(opened.view.content?.unitPeriod).toBeUndefined();
    expect(opened.view.content?.contact).toBeUndefined();
    expect(opened.view.content?.coveringNote).toBe("Zie het verhaal.");
    openReferral(c.token, T0 + 120_000);
    const views = audits(c.caseId).filter((a) => a.action === "referral_viewed");
    expect(views.map((a) => [a.actor, a.staffId])).toEqual([
      ["organisation", null],
      ["organisation", null],
    ]);
  });

  it("a token for one referral never opens another; a forged or expired one opens nothing", async () => {
    const a = await referredCase();
    const b = await referredCase(["themes"]);
    const openedA = openReferral(a.token, T0 + 1);
    const openedB = openReferral(b.token, T0 + 1);
    expect(openedA.ok && openedB.ok).toBe(true);
    if (!openedA.ok || !openedB.ok) return;
    expect(openedB.view.content?.story).toBeUndefined();
    expect(openedB.view.reference).toBe(`R-${b.referralId}`);
    // Put B's id into A's token: the signature no longer fits.
    const [, sig] = a.token.split(".");
    const refB = referrals(b.caseId)[0]!;
    const forged = `${Buffer.from(`${b.referralId}.1.${refB.linkExpiresAt}`).toString("base64url")}.${sig}`;
    expect(openReferral(forged, T0 + 1)).toEqual({ ok: false, problem: "not_found" });
    expect(openReferral("nonsense", T0 + 1)).toEqual({ ok: false, problem: "not_found" });
    // A validly signed token with another expiry than the referral's is not that referral's link.
    const other = signLink({ referralId: b.referralId, version: 1, expiresAt: refB.linkExpiresAt + 1 });
    expect(openReferral(other, T0 + 1)).toEqual({ ok: false, problem: "gone" });
    // After 30 days the link is gone.
    expect(openReferral(a.token, T0 + REFERRAL_LINK_MS + 1)).toEqual({ ok: false, problem: "gone" });
  });

  it("renewing kills the old link, gives a new one by mail, and is audited", async () => {
    const c = await referredCase();
    expect(renewReferralLink(me, c.caseId, c.referralId, T0 + 10 * 86_400_000)).toEqual({ ok: true });
    expect(openReferral(c.token, T0 + 10 * 86_400_000 + 1)).toEqual({ ok: false, problem: "gone" });
    // The first mail had not gone yet: it is replaced, not sent with a dead link.
    const renewed = mails().filter((m) => m.purpose === `referral:${c.referralId}`);
    expect(renewed).toHaveLength(1);
    expect(renewed[0]!.subject).toMatch(/Nieuwe link/);
    const fresh = tokenIn(renderReferralMail(db, renewed[0]!.purpose)!.bodyText);
    expect(openReferral(fresh, T0 + 35 * 86_400_000).ok).toBe(true);
    expect(audits(c.caseId).map((a) => a.action)).toContain("referral_link_renewed");
    // Another case's referral cannot be renewed through this case.
    const other = await referredCase();
    expect(renewReferralLink(me, c.caseId, other.referralId)).toEqual({ ok: false, reason: "not_found" });
  });

  it("received then done: dates, timeline events, the reporter's words, the queue marker and the audit log", async () => {
    const c = await referredCase();
    expect(reportReferralStatus(c.token, { status: "received", note: "" }, T0 + 1000)).toEqual({ ok: true });
    expect(reportReferralStatus(c.token, { status: "received", note: "" }, T0 + 1500)).toEqual({
      ok: false,
      reason: "same",
    });
    expect(casesWithOrganisationNews([c.caseId], db)).toEqual(new Set([c.caseId]));
    expect(
      reportReferralStatus(
        c.token,
        { status: "done", note: "Onderzoek gestart onder nummer 99." },
        T0 + 2000,
      ),
    ).toEqual({ ok: true });
    const ref = referrals(c.caseId)[0]!;
    expect(ref).toMatchObject({ status: "done", receivedAt: T0 + 1000, doneAt: T0 + 2000 });

    const statusEvents = events(c.caseId).filter((e) => e.type === "referral_status");
    expect(statusEvents.map((e) => [e.params?.status, e.reporterVisible])).toEqual([
      ["received", true],
      ["done", true],
    ]);
    expect(decrypt(statusEvents[1]!.dataEnc!)).toBe("Onderzoek gestart onder nummer 99.");
    // The reporter sees both in plain words, without the organisation's note.
    const timeline = reporterTimeline(
      events(c.caseId).map((e) => ({ ...e, text: null })),
      new Map([[ref.id, { organisationId: ref.organisationId, status: ref.status }]]),
    );
    expect(timeline.filter((i) => i.key === "referralStatus").map((i) => "status" in i && i.status)).toEqual([
      "received",
      "done",
    ]);
    expect(
      audits(c.caseId)
        .filter((a) => a.action === "referral_status_reported")
        .map((a) => [a.actor, JSON.parse(a.detail!).status]),
    ).toEqual([
      ["organisation", "received"],
      ["organisation", "done"],
    ]);
    // The panel on the case page has the updates with the note (for staff).
    const panel = referralPanel(c.caseId, db)!;
    expect(panel.referrals[0]!.updates.map((u) => [u.status, u.note])).toEqual([
      ["received", null],
      ["done", "Onderzoek gestart onder nummer 99."],
    ]);
    // Once somebody opened the case, the marker goes.
    db.insert(schema.auditLog)
      .values({ at: T0 + 3000, actor: "staff", action: "case_viewed", caseId: c.caseId, staffId: me.id })
      .run();
    expect(casesWithOrganisationNews([c.caseId], db)).toEqual(new Set());
  });
});

describe("consent withdrawal and the outbox", () => {
  it("blocks a referral not yet sent: its mail never goes out and its link opens nothing", async () => {
    const c = await referredCase();
    changeConsents(c.caseId, { igj: "none", ozj: "none", gemeente: "identity" }, { db, now: T0 + 10 });
    expect(referrals(c.caseId)[0]!.status).toBe("blocked");
    const sent: string[] = [];
    await processOutbox({ db, now: () => T0 + 20, send: async (m) => void sent.push(m.to) });
    expect(sent).not.toContain("meldingen@igj.example");
    // What goes out is only the staff alert that the consent changed (staff-alerts.ts), to the worker.
    expect(sent).toHaveLength(1);
    expect(
      mails()
        .filter((m) => m.status === "sent")
        .map((m) => m.purpose),
    ).toEqual(sent.map(() => "staff_alert:consent_changed"));
    const mail = mails().find((m) => m.purpose === `referral:${c.referralId}`)!;
    expect(mail).toMatchObject({ status: "failed", attempts: 0, lastError: "cancelled: referral blocked" });
    expect(openReferral(c.token, T0 + 30)).toEqual({ ok: false, problem: "gone" });
  });

  it("marks a referral sent after the mail went, once", async () => {
    const c = await referredCase();
    const sent: string[] = [];
    await processOutbox({ db, now: () => T0 + 20, send: async (m) => void sent.push(m.to) });
    expect(sent).toEqual(["meldingen@igj.example"]);
    expect(referrals(c.caseId)[0]).toMatchObject({ status: "sent", sentAt: T0 + 20 });
    expect(
      audits(c.caseId)
        .filter((a) => a.action === "referral_sent")
        .map((a) => a.actor),
    ).toEqual(["system"]);
  });

  it("a sent referral stays, marked; the organisation no longer sees what consent no longer covers", async () => {
    const c = await openCase();
    const amsterdam = municipalityId("GM0363", db);
    const result = createReferral(
      me,
      c.caseId,
      { organisationId: amsterdam, parts: ["story", "contact"], coveringNote: "" },
      T0,
    );
    if (!result.ok) throw new Error(result.reason);
    await processOutbox({ db, now: () => T0 + 20, send: async () => {} });
    const token = tokenIn(renderReferralMail(db, `referral:${result.referralId}`)!.bodyText);
    const before = openReferral(token, T0 + 30);
    expect(before.ok && before.view.content?.contact?.email).toBe("sam@example.org");

    changeConsents(c.caseId, { igj: "anonymous", ozj: "none", gemeente: "anonymous" }, { db, now: T0 + 40 });
    const ref = db
      .select()
      .from(schema.referrals)
      .where(and(eq(schema.referrals.id, result.referralId)))
      .get()!;
    expect(ref.status).toBe("sent");
    expect(ref.consentWithdrawnAt).toBe(T0 + 40);
    const after = openReferral(token, T0 + 50);
    expect(after.ok && after.view.withdrawn).toBe("identity");
    expect(after.ok && after.view.content?.contact).toBeUndefined();
    expect(after.ok && after.view.content?.story?.text).toContain("[story-marker]");
    // The worker's page marks it, and the link can no longer be renewed.
    expect(referralPanel(c.caseId, db)!.referrals[0]).toMatchObject({
      consentWithdrawnAt: T0 + 40,
      mayRenew: false,
    });
    expect(renewReferralLink(me, c.caseId, result.referralId)).toEqual({ ok: false, reason: "withdrawn" });

    changeConsents(c.caseId, { igj: "anonymous", ozj: "none", gemeente: "none" }, { db, now: T0 + 60 });
    const none = openReferral(token, T0 + 70);
    expect(none.ok && none.view).toMatchObject({ content: null, withdrawn: "all" });
  });
});

describe("the referral clock (ADR 039)", () => {
  const clock = (caseId: number) =>
    db
      .select({ at: schema.cases.nextDueAt, kind: schema.cases.nextDueKind })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseId))
      .get()!;

  it("runs from the referral until the organisation reports, and never leaves a referred case without a date", async () => {
    const c = await referredCase();
    // Referring acknowledged the case; the answer (six weeks) is further than the referral's ten working days.
    expect(clock(c.caseId)).toEqual({
      kind: "referral",
      at: workingDaysAfter(T0, clockWorkingDays.referral),
    });
    expect(reportReferralStatus(c.token, { status: "received", note: "" }, T0 + 1000)).toEqual({ ok: true });
    const after = clock(c.caseId);
    expect(after.kind).toBe("answer");
    expect(after.at).toBe(
      db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!.answerDueAt,
    );
  });
});
