import { beforeEach, describe, expect, it } from "vitest";
import type { ContactDetailsAnswers, ContactQuestionAnswers } from "~/domain/contact-request";
import { createTestDb } from "../../tests/helpers/test-db";
import { authenticateCase } from "./cases.server";
import {
  contactAnswers,
  contactReceipt,
  deleteContactDraft,
  mayStoreContactAnswers,
  RECEIPT_TTL_MS,
  saveContactAnswers,
  submitContactRequest,
} from "./contact-draft.server";
import { decryptJson } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { endReporterSession } from "./reporter-session.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

const details: ContactDetailsAnswers = {
  name: "Sanne",
  relation: "parent",
  relationOther: "",
  phone: "",
  email: "sanne@example.nl",
  safeTimes: "",
  mayLeaveMessage: "",
};
const question: ContactQuestionAnswers = {
  question: "Mag ik bellen?",
  youngPersonKnows: "yes",
  urgent: "no",
};

function browser() {
  let cookie = "";
  return {
    request: () => new Request("http://localhost/contact", { headers: cookie ? { Cookie: cookie } : {} }),
    take(setCookie?: string) {
      if (setCookie) cookie = setCookie.split(";")[0]!;
    },
  };
}

describe("the contact request draft", () => {
  it("keeps the answers encrypted on the server, not in the cookie", () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details }, { now: NOW }));
    expect(saveContactAnswers(b.request(), { question }, { now: NOW })).toBeUndefined(); // same draft
    expect(contactAnswers(b.request(), { now: NOW })).toEqual({ details, question });
    const row = db.select().from(schema.drafts).get()!;
    expect(row.kind).toBe("contact");
    expect(row.dataEnc).not.toContain("Sanne");
    expect(b.request().headers.get("Cookie")).not.toContain("Sanne");
  });

  it("adds each page's answers to those of the other pages (one question per page)", () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { who: "close", details: { name: "Sanne" } }, { now: NOW }));
    saveContactAnswers(b.request(), { details: { relation: "friend", relationOther: "" } }, { now: NOW });
    saveContactAnswers(b.request(), { question: { urgent: "no" } }, { now: NOW });
    saveContactAnswers(b.request(), { details: { name: "Sam" } }, { now: NOW });
    expect(contactAnswers(b.request(), { now: NOW })).toEqual({
      who: "close",
      details: { name: "Sam", relation: "friend", relationOther: "" },
      question: { urgent: "no" },
    });
  });

  it("a double submit makes one case; the receipt replaces the answers for 30 minutes", async () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details, question }, { now: NOW }));
    const [r1, r2] = await Promise.all([
      submitContactRequest(b.request(), "nl", { now: NOW }),
      submitContactRequest(b.request(), "nl", { now: NOW }),
    ]);
    expect([r1, r2]).toEqual(["submitted", "submitted"]);
    expect(await submitContactRequest(b.request(), "nl", { now: NOW + 1 })).toBe("submitted");
    const cases = db.select().from(schema.cases).all();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      kind: "contact",
      reporterRole: "close",
      contactMethod: "email",
      urgent: false,
    });

    const receipt = contactReceipt(b.request(), { now: NOW + 1 })!;
    expect(receipt.code).toBe(cases[0]!.code);
    expect(await authenticateCase(receipt.code, receipt.passphrase)).toMatchObject({ id: cases[0]!.id });
    const draft = decryptJson<{ answers: object }>(db.select().from(schema.drafts).get()!.dataEnc)!;
    expect(draft.answers).toEqual({});
    expect(contactReceipt(b.request(), { now: NOW + RECEIPT_TTL_MS + 1 })).toBeNull();
    expect(db.select().from(schema.drafts).all()).toEqual([]);
  });

  it("refuses an incomplete request, and starts afresh after a submitted one", async () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details }, { now: NOW }));
    expect(await submitContactRequest(b.request(), "nl", { now: NOW })).toBe("incomplete");
    saveContactAnswers(b.request(), { question }, { now: NOW });
    await submitContactRequest(b.request(), "nl", { now: NOW });
    b.take(saveContactAnswers(b.request(), { details }, { now: NOW + 1 }));
    expect(contactAnswers(b.request(), { now: NOW + 1 })).toEqual({ details });
  });

  it("is deleted by 'I have saved it' and by the quick exit", async () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details, question }, { now: NOW }));
    expect(deleteContactDraft(b.request())).toMatch(/^ap_contact=; .*Max-Age=0/);
    expect(db.select().from(schema.drafts).all()).toEqual([]);

    const c = browser();
    c.take(saveContactAnswers(c.request(), { details }, { now: NOW }));
    const cookies = endReporterSession(c.request());
    expect(cookies.some((h) => h.startsWith("ap_contact=;"))).toBe(true);
    expect(db.select().from(schema.drafts).all()).toEqual([]);
  });
});

describe("a young person's call-me request", () => {
  const young = "young_person" as const;
  const callMe = {
    details: { name: "", phone: "06 12345678", email: "", safeTimes: "", mayLeaveMessage: "no" as const },
    question: { question: "", urgent: "yes" as const },
  };

  it("arrives as a contact case from the young person, and the confirmation still knows who asked", async () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { who: young, ...callMe }, { now: NOW }));
    expect(await submitContactRequest(b.request(), "nl", { now: NOW })).toBe("submitted");
    expect(db.select().from(schema.cases).get()).toMatchObject({
      kind: "contact",
      reporterRole: "young_person",
      contactMethod: "phone",
      urgent: true,
    });
    expect(contactAnswers(b.request(), { now: NOW + 1 })).toEqual({ who: young });
  });

  it("starts over when the other path is begun, so no answer lands under the wrong questions", () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details, question }, { now: NOW }));
    saveContactAnswers(b.request(), { who: young, details: callMe.details }, { now: NOW });
    expect(contactAnswers(b.request(), { now: NOW })).toEqual({ who: young, details: callMe.details });
    // Later pages, which do not say who asks, add to the draft as it is.
    saveContactAnswers(b.request(), { question: callMe.question }, { now: NOW });
    expect(contactAnswers(b.request(), { now: NOW })).toEqual({ who: young, ...callMe });
  });
});

describe("new contact drafts per client (issue 13, finding 5)", () => {
  it("refuses a client that keeps starting new drafts, but never one adding to the draft it has", () => {
    const b = browser();
    b.take(saveContactAnswers(b.request(), { details }, { now: NOW }));
    let started = 0;
    while (started < 1000 && mayStoreContactAnswers(browser().request(), "client-a", { now: NOW, db }))
      started++;
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(1000);
    expect(mayStoreContactAnswers(browser().request(), "client-a", { now: NOW, db })).toBe(false);
    // Another client, and the same client with its own draft, go on.
    expect(mayStoreContactAnswers(browser().request(), "client-b", { now: NOW, db })).toBe(true);
    expect(mayStoreContactAnswers(b.request(), "client-a", { now: NOW, db })).toBe(true);
    // An hour later the client may start again.
    expect(mayStoreContactAnswers(browser().request(), "client-a", { now: NOW + 60 * 60_000 + 1, db })).toBe(
      true,
    );
  });
});
