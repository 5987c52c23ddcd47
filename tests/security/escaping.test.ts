/**
 * HTML and script typed into any free-text field come back as text, never as markup: on the staff case
 * page, on the reporter's /volgen page and on the organisation's page. The fields: the intake's story and
 * answers and contact details (written as the intake writes them), the reporter's reply and addition and
 * the organisation's note (sent over HTTP), the contact request, and the staff's message and note.
 */
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/server/db.server";
import { signLink } from "~/server/signed-links.server";
import { addNote, addReferral, organisationId, staffMessage } from "../helpers/follow-fixtures";
import { serverDb, staffClient } from "./helpers/db";
import { Client, escapeHtml, type Reply } from "./helpers/http";
import { followedCase, referralContent, reporterClient } from "./helpers/reporter";

const PAYLOADS = [
  `<script>alert(1)</script><img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  `</textarea><iframe src="javascript:alert(1)"></iframe>`,
];
const tagged = (field: string, i = 0) => `[${field}]${PAYLOADS[i % PAYLOADS.length]}`;
const INJECTED = [
  /<script>alert/i,
  /<img src=x/i,
  /<svg onload/i,
  /<iframe src="javascript/i,
  /onerror=alert\(1\)>/,
];

function expectEscaped(res: Reply, texts: string[], page: string) {
  expect(res.status, page).toBe(200);
  for (const t of texts) expect(res.body, `${page} shows ${t} as text`).toContain(escapeHtml(t));
  for (const pattern of INJECTED) expect(res.body, `${page}: ${pattern}`).not.toMatch(pattern);
}

describe("text, never markup", () => {
  it("in the staff case page, the /volgen page and the organisation's page", async () => {
    const story = tagged("story");
    const fields = {
      themeOther: tagged("themeOther", 1),
      complaintAbout: tagged("complaintAbout", 2),
      desiredOutcome: tagged("desiredOutcome"),
      name: tagged("name", 1),
      email: "x@example.org",
      phone: "06 12345678",
      safeTimes: tagged("safeTimes", 2),
    };
    const c = await followedCase({
      story: { text: story },
      details: {
        themeOther: fields.themeOther,
        complaintAbout: fields.complaintAbout,
        desiredOutcome: fields.desiredOutcome,
      },
      contactMethod: "phone",
      contact: { name: fields.name, phone: fields.phone, safeTimes: fields.safeTimes, mayLeaveMessage: true },
    });
    const staffText = tagged("staffMessage", 1);
    staffMessage(c.caseId, staffText);
    const noteText = tagged("note", 2);
    addNote(c.caseId, noteText);

    // The reporter replies and adds information over HTTP.
    const { client: reporter } = await reporterClient(c);
    const reply = tagged("reply");
    const addition = tagged("addition", 1);
    expect((await reporter.postForm("/volgen/zaak", { message: reply })).status).toBe(302);
    expect((await reporter.postForm("/volgen/toevoegen", { addition })).status).toBe(302);
    expectEscaped(await reporter.get("/volgen/zaak"), [staffText, reply], "/volgen/zaak");

    // The organisation reports back with a note over HTTP.
    const db = serverDb();
    const refId = addReferral(c.caseId, organisationId("igj", db), {
      status: "sent",
      content: referralContent(story),
    });
    const ref = db.select().from(schema.referrals).where(eq(schema.referrals.id, refId)).get()!;
    const token = signLink({ referralId: refId, version: ref.linkVersion, expiresAt: ref.linkExpiresAt });
    const org = new Client();
    const orgNote = tagged("organisationNote", 2);
    const report = await org.postForm(`/verwijzing/${token}`, { status: "received", note: orgNote });
    expect(report.status).toBe(302);
    expectEscaped(await org.get(`/verwijzing/${token}`), [story], "organisation page");

    const { client: staff } = await staffClient("ombudsworker");
    const staffPage = await staff.get(`/medewerker/zaken/${c.caseId}`);
    expectEscaped(
      staffPage,
      [story, fields.themeOther, staffText, noteText, reply, addition, orgNote],
      "staff case page",
    );
    // A staff note typed over HTTP.
    const staffToken = await staff.csrf("/medewerker");
    const typedNote = tagged("typedNote");
    const posted = await staff.post(`/medewerker/zaken/${c.caseId}`, {
      csrf: staffToken,
      intent: "note",
      note: typedNote,
    });
    expect(posted.status).toBeLessThan(400);
    expectEscaped(
      await staff.get(`/medewerker/zaken/${c.caseId}`),
      [typedNote],
      "staff case page after a note",
    );
  });

  it("in a contact request, on the check page and in the back office", async () => {
    const client = new Client();
    const name = tagged("contactName");
    const question = tagged("question", 1);
    for (const [path, fields] of [
      ["/contact", { name }],
      ["/contact/relatie", { relation: "other", relationOther: tagged("relationOther", 2) }],
      ["/contact/bereiken", { contactMethod: "phone", phone: "06 12345678" }],
      ["/contact/bellen", { safeTimes: tagged("contactSafeTimes"), mayLeaveMessage: "no" }],
      ["/contact/vraag", { question }],
      ["/contact/weet-ervan", { youngPersonKnows: "no" }],
      ["/contact/dringend", { urgent: "no" }],
    ] as const) {
      expect((await client.postForm(path, fields)).status, path).toBe(302);
    }
    expectEscaped(await client.get("/contact/controleren"), [name, question], "/contact/controleren");
    const sent = await client.postForm("/contact/controleren", {});
    expect(sent.status).toBe(302);
    const db = serverDb();
    const latest = db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(eq(schema.cases.kind, "contact"))
      // The newest by id: without an order, SQLite returns rows in whatever index it picks.
      .orderBy(desc(schema.cases.id))
      .get()!;
    const { client: staff } = await staffClient("ombudsworker");
    expectEscaped(
      await staff.get(`/medewerker/zaken/${latest.id}`),
      [question],
      "staff page of the contact request",
    );
  });
});
