// Kept whole (over 300 lines): the intake journey through app/server/intake/ on one test database.
/**
 * The intake routes' loaders and actions against a real (temporary) database: the journey as the server
 * sees it, double submissions, what is stored and what is not.
 */
import fs from "node:fs";
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { authenticateCase } from "./cases.server";
import { decryptJson, randomToken } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { endReporterSession } from "./reporter-session.server";
import { checkAction, checkLoader, confirmationAction, confirmationLoader } from "./intake/finish.server";
import { draftLimiter, finishLimiter } from "./intake/limits.server";
import { startEntryOnBehalf, startLoader } from "./intake/start.server";
import { stepAction, stepLoader } from "./intake/step.server";
import type { IntakeKind } from "~/domain/intake/answers";
import { loader as noteLoader } from "~/routes/notitie[.]txt";

const BASE = "http://localhost:3000";
const STORY = "Ze sloten me op. <script>alert('x')</script> [unieke-marker-91c2]";
const UA = "Mozilla/5.0 (unique-user-agent-5d1e)";
const IP = "203.0.113.77";

/** A browser: keeps cookies, sends the CSRF token, and never forwards the client key into the app. */
class Browser {
  cookies = new Map<string, string>();
  readonly csrf = randomToken(32);
  constructor(readonly lang: "nl" | "en" = "nl") {
    this.cookies.set("ap_csrf", this.csrf);
  }

  private headers(): Headers {
    return new Headers({
      Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "User-Agent": UA,
      "X-Forwarded-For": IP,
      "Accept-Language": this.lang,
    });
  }

  private remember(res: Response) {
    for (const header of res.headers.getSetCookie?.() ?? []) {
      const [pair, ...attrs] = header.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      if (attrs.some((a) => a.trim() === "Max-Age=0")) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(path: string) {
    return new Request(`${BASE}${path}`, { headers: this.headers() });
  }

  post(path: string, fields: Record<string, string | string[]> = {}, withToken = true) {
    const body = new URLSearchParams();
    if (withToken) body.append("csrf", this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const headers = this.headers();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return new Request(`${BASE}${path}`, { method: "POST", headers, body });
  }

  /** Runs a loader or action, following nothing; returns the response (thrown or returned). */
  async run(fn: () => Response | Promise<Response>): Promise<Response> {
    let res: Response;
    try {
      res = await fn();
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      res = thrown;
    }
    this.remember(res);
    return res;
  }
}

const context = (clientKey = "client-a") => ({ clientKey, cspNonce: "n" }) as AppLoadContext;

const answers: Record<string, Record<string, string | string[]>> = {
  wie: { reporterRole: "young_person" },
  afdeling: { unit: "t-anker" },
  wanneer: { periodFrom: "2019", periodTo: "2021" },
  "wat-is-er-gebeurd": { story: STORY },
  onderwerpen: { themes: ["isolation", "restraint"] },
  organisatie: { complaintAbout: "Horizon" },
  veilig: { safeNow: "no" },
  wensen: { wishes: ["heard", "investigation"] },
  toestemming: { "consent-igj": "anonymous" },
  contact: { contactMethod: "email", email: "sam@example.nl", name: "Sam" },
  gemeente: { municipality: "" },
};

async function answerAll(b: Browser, kind: IntakeKind = "testimony") {
  const base = kind === "testimony" ? "/verhaal" : "/klacht";
  for (const [slug, fields] of Object.entries(answers)) {
    // "Which organisation" is a complaint's question only.
    if (slug === "organisatie" && kind === "testimony") continue;
    const res = await b.run(() =>
      stepAction(kind, {
        request: b.post(`${base}/${slug}`, fields),
        params: { step: slug },
        context: context(),
      }),
    );
    expect(res.status, slug).toBe(302);
  }
}

const finish = (b: Browser, kind: IntakeKind = "testimony", clientKey = "client-a") =>
  b.run(() =>
    checkAction(kind, {
      request: b.post(kind === "testimony" ? "/verhaal/controleren" : "/klacht/controleren"),
      params: {},
      context: context(clientKey),
    }),
  );

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
  finishLimiter.reset("client-a");
});

describe("finishing an intake", () => {
  it("creates exactly one case when the last step is sent twice, one after the other", async () => {
    const b = new Browser();
    await answerAll(b);
    const first = await finish(b);
    const second = await finish(b);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/verhaal/bevestiging");
    expect(second.headers.get("Location")).toBe("/verhaal/bevestiging");
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
  });

  it("creates exactly one case when the last step is sent twice at the same time (double click)", async () => {
    const b = new Browser();
    await answerAll(b);
    const results = await Promise.all([finish(b), finish(b), finish(b)]);
    expect(results.map((r) => r.headers.get("Location"))).toEqual(Array(3).fill("/verhaal/bevestiging"));
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
    // The receipt the first submission kept is there for whichever response the browser shows.
    const data = await (
      await b.run(() =>
        confirmationLoader("testimony", {
          request: b.get("/verhaal/bevestiging"),
          params: {},
          context: context(),
        }),
      )
    ).json();
    expect(data.receipt.passphrase).toMatch(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
  });

  it("does not make a second case after going back and sending again", async () => {
    const b = new Browser();
    await answerAll(b);
    await finish(b);
    const back = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wat-is-er-gebeurd", { story: "Nog iets" }),
        params: { step: "wat-is-er-gebeurd" },
        context: context(),
      }),
    );
    expect(back.headers.get("Location")).toBe("/verhaal/bevestiging");
    const again = await b.run(() =>
      stepLoader("testimony", {
        request: b.get("/verhaal/wie"),
        params: { step: "wie" },
        context: context(),
      }),
    );
    expect(again.headers.get("Location")).toBe("/verhaal/bevestiging");
    await finish(b);
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
  });

  it("stores the case with what the back office needs, the story only as ciphertext", async () => {
    const b = new Browser();
    await answerAll(b, "complaint");
    await finish(b, "complaint");
    const row = db.select().from(schema.cases).get()!;
    expect(row).toMatchObject({
      kind: "complaint",
      status: "received",
      urgent: true,
      language: "nl",
      reporterRole: "young_person",
      periodFrom: 2019,
      periodTo: 2021,
      themes: ["isolation", "restraint"],
      wishes: ["heard", "investigation"],
      safeNow: "no",
      contactMethod: "email",
    });
    expect(row.unitId).toBe(db.select().from(schema.units).where(eq(schema.units.slug, "t-anker")).get()!.id);
    expect(row.storyEnc).toMatch(/^v1\./);
    expect(row.storyEnc).not.toContain("unieke-marker");
    expect(decryptJson<{ text: string }>(row.storyEnc)?.text).toBe(STORY);
    expect(decryptJson(row.contactEnc)).toEqual({ email: "sam@example.nl", name: "Sam" });
    const consents = db.select().from(schema.consents).all();
    expect(consents.find((c) => c.recipient === "igj")).toMatchObject({ given: true, withIdentity: false });

    // Not in the database file, its log, or anywhere as the client's address or browser.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      for (const needle of ["unieke-marker-91c2", "sam@example.nl", "unique-user-agent", IP]) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${f}`).toBe(false);
      }
    }
  });

  it("keeps the answers encrypted in the draft while the person is busy", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wat-is-er-gebeurd", { story: STORY }),
        params: { step: "wat-is-er-gebeurd" },
        context: context(),
      }),
    );
    const draft = db.select().from(schema.drafts).get()!;
    expect(draft.dataEnc).toMatch(/^v1\./);
    expect(draft.dataEnc).not.toContain("unieke-marker");
    expect(draft.expiresAt - draft.createdAt).toBe(24 * 60 * 60 * 1000);
    expect(b.cookies.get("ap_draft")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(draft.idHash).not.toBe(b.cookies.get("ap_draft"));
  });

  it("shows the code and passphrase, which open the case, until the person says they saved them", async () => {
    const b = new Browser();
    await answerAll(b);
    await finish(b);
    const args = { request: b.get("/verhaal/bevestiging"), params: {}, context: context() };
    const data = await (await confirmationLoader("testimony", args)).json();
    const receipt = data.receipt!;
    expect(receipt).toMatchObject({ ackDays: 1, urgent: true, downloadHref: "/notitie.txt" });
    expect(await authenticateCase(receipt.code, receipt.passphrase)).not.toBeNull();

    const file = await b.run(() =>
      noteLoader({ request: b.get("/notitie.txt"), params: {}, context: context() }),
    );
    expect(file.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    // A neutral name and text: the file may be found by someone else.
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="notitie.txt"');
    const text = await file.text();
    expect(text).toContain(`Code: ${receipt.code}`);
    expect(text).toContain(`Geheime zin: ${receipt.passphrase}`);
    expect(text).not.toContain("unieke-marker");
    // The whole file, secret phrase included: a new phrase never holds "verhaal" or "klacht" (ADR 028).
    expect(text).not.toMatch(/ZIKOS|verhaal|klacht|Aanspreekpunt/i);

    const done = await b.run(() =>
      confirmationAction("testimony", {
        request: b.post("/verhaal/bevestiging"),
        params: {},
        context: context(),
      }),
    );
    expect(done.headers.get("Location")).toBe("/verhaal/bevestiging");
    expect(db.select().from(schema.drafts).all()).toHaveLength(0);
    const after = await (
      await confirmationLoader("testimony", {
        request: b.get("/verhaal/bevestiging"),
        params: {},
        context: context(),
      })
    ).json();
    expect(after.receipt).toBeNull();
    const gone = await b.run(() =>
      noteLoader({ request: b.get("/notitie.txt"), params: {}, context: context() }),
    );
    expect(gone.status).toBe(404);
  });

  it("limits how many cases one client can finish, with a message in the person's language", async () => {
    for (let i = 0; i < 20; i++) finishLimiter.hit("client-b");
    const b = new Browser("en");
    await answerAll(b);
    const res = await finish(b, "testimony", "client-b");
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      errors: { submit: "You have tried too many times. Wait a few minutes and then try again." },
    });
    expect(db.select().from(schema.cases).all()).toHaveLength(0);
    finishLimiter.reset("client-b");
  });

  it("limits how many new drafts one client starts, says so in the person's language and keeps the answer", async () => {
    const b = new Browser("en");
    await answerAll(b); // a draft already started goes on, whatever the limit
    for (let i = 0; i < 20; i++) draftLimiter.hit("client-c");
    const fresh = new Browser("en");
    const res = await fresh.run(() =>
      stepAction("testimony", {
        request: fresh.post("/verhaal/wat-is-er-gebeurd", answers["wat-is-er-gebeurd"]!),
        params: { step: "wat-is-er-gebeurd" },
        context: context("client-c"),
      }),
    );
    expect(res.status).toBe(429);
    const body = (await res.json()) as { errors: Record<string, string>; values: Record<string, unknown> };
    expect(Object.values(body.errors)).toEqual([
      "You have started again very many times from this device. Wait an hour and then try again. What you filled in here is still there.",
    ]);
    expect(body.values.story).toBe(STORY);
    expect(db.select().from(schema.drafts).all()).toHaveLength(1);
    const goesOn = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wie", answers.wie!),
        params: { step: "wie" },
        context: context("client-c"),
      }),
    );
    expect(goesOn.status).toBe(302);
  });

  it("refuses a finish without the CSRF token", async () => {
    const b = new Browser();
    await answerAll(b);
    const res = await b.run(() =>
      checkAction("testimony", {
        request: b.post("/verhaal/controleren", {}, false),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(400);
    expect(db.select().from(schema.cases).all()).toHaveLength(0);
  });

  it("sends an unfinished intake back to the first open question", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wie", answers.wie),
        params: { step: "wie" },
        context: context(),
      }),
    );
    const res = await finish(b);
    expect(res.headers.get("Location")).toBe("/verhaal/afdeling");
    const check = await b.run(() =>
      checkLoader("testimony", { request: b.get("/verhaal/controleren"), params: {}, context: context() }),
    );
    expect(check.headers.get("Location")).toBe("/verhaal/afdeling");
  });
});

describe("changing an answer from the check page", () => {
  it("returns to the check page, through a question the change opened", async () => {
    const b = new Browser();
    await answerAll(b);
    const change = (slug: string, fields: Record<string, string | string[]>) =>
      b.run(() =>
        stepAction("testimony", {
          request: b.post(`/verhaal/${slug}`, { ...fields, change: "1" }),
          params: { step: slug },
          context: context(),
        }),
      );
    expect((await change("wie", { reporterRole: "other" })).headers.get("Location")).toBe(
      "/verhaal/controleren",
    );
    const wishes = await change("wensen", { wishes: ["investigation", "help_now"] });
    expect(wishes.headers.get("Location")).toBe("/verhaal/toestemming?wijzigen=1");
    const consent = await change("toestemming", { "consent-igj": "anonymous", "consent-ozj": "no" });
    expect(consent.headers.get("Location")).toBe("/verhaal/controleren");
  });
});

describe("a step with bad input", () => {
  it("answers 400 with messages in the person's language and keeps everything typed", async () => {
    const b = new Browser("en");
    const tooLong = "a".repeat(20_001);
    const res = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/onderwerpen", {
          story: tooLong,
          themes: ["isolation", "nonsense"],
          themeOther: "x\u0007y",
        }),
        params: { step: "onderwerpen" },
        context: context(),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    // The themes page checks its own fields; the story has a page of its own (and its own test below).
    expect(body.errors).toEqual({
      themes: "Choose an answer from the list",
      themeOther:
        "There are invisible characters in it that we cannot store. Type the text again or remove those characters.",
    });
    expect(body.values).toEqual({
      story: tooLong,
      themes: ["isolation", "nonsense"],
      themeOther: "x\u0007y",
    });
    expect(db.select().from(schema.drafts).all()).toHaveLength(0);
  });

  it("says it in Dutch for a Dutch reader, with Dutch number formatting", async () => {
    const b = new Browser("nl");
    const res = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wat-is-er-gebeurd", { story: "a".repeat(20_001) }),
        params: { step: "wat-is-er-gebeurd" },
        context: context(),
      }),
    );
    expect((await res.json()).errors.story).toContain("maximaal 20.000 tekens");
  });

  it("keeps the input when the form expired (no CSRF token) or the honeypot was filled", async () => {
    const b = new Browser("nl");
    const expired = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wat-is-er-gebeurd", { story: STORY }, false),
        params: { step: "wat-is-er-gebeurd" },
        context: context(),
      }),
    );
    expect(expired.status).toBe(400);
    expect(await expired.json()).toEqual({
      errors: {
        story: "Het formulier was verlopen. We hebben je antwoorden bewaard: verstuur het nog een keer.",
      },
      values: { story: STORY },
    });
    const bot = await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wie", { reporterRole: "close", website: "http://spam.example" }),
        params: { step: "wie" },
        context: context(),
      }),
    );
    expect(bot.status).toBe(400);
    expect(db.select().from(schema.drafts).all()).toHaveLength(0);
  });

  it("answers 404 for a step that does not exist", async () => {
    const b = new Browser();
    const res = await b.run(() =>
      stepLoader("testimony", {
        request: b.get("/verhaal/naam"),
        params: { step: "naam" },
        context: context(),
      }),
    );
    expect(res.status).toBe(404);
  });
});

/** What the confirmation page gets: the receipt, and for a worker's entry the channel and the case. */
async function receiptOf(b: Browser) {
  const res = await b.run(() =>
    confirmationLoader("testimony", {
      request: b.get("/verhaal/bevestiging"),
      params: {},
      context: context(),
    }),
  );
  return (await res.json()) as {
    onBehalf: string | null;
    caseId: number | null;
    receipt: { code: string } | null;
  };
}

describe("a case entered by a worker for someone on the phone (ADR 040)", () => {
  it("goes through the same questions and records who entered it, how, and in the audit log", async () => {
    const worker = testStaff(db, "ombudsworker");
    const b = new Browser();
    b.cookies.set("ap_draft", "");
    const setCookie = startEntryOnBehalf({ staffId: worker.id, channel: "phone" }, "testimony");
    const [pair] = setCookie.split(";");
    b.cookies.set("ap_draft", pair!.split("=")[1]!);

    const step = (await (
      await b.run(() =>
        stepLoader("testimony", {
          request: b.get("/verhaal/wie"),
          params: { step: "wie" },
          context: context(),
        }),
      )
    ).json()) as { onBehalf: string | null };
    expect(step.onBehalf).toBe("phone");

    await answerAll(b);
    expect((await finish(b)).status).toBe(302);
    const row = db.select().from(schema.cases).get()!;
    const received = db.select().from(schema.caseEvents).where(eq(schema.caseEvents.caseId, row.id)).get()!;
    expect(received).toMatchObject({ type: "received", staffId: worker.id });
    expect(received.params).toMatchObject({ channel: "phone" });
    const actions = db
      .select()
      .from(schema.auditLog)
      .all()
      .map((a) => [a.action, a.staffId, a.caseId]);
    expect(actions).toEqual([
      ["case_entry_started", worker.id, null],
      ["case_entered", worker.id, row.id],
    ]);

    // The receipt (code and passphrase to read out) links the worker to the case.
    const receipt = await receiptOf(b);
    expect(receipt).toMatchObject({ onBehalf: "phone", caseId: row.id });
    expect(receipt.receipt?.code.replace("-", "")).toBe(row.code);
  });

  it("an intake someone does online records no worker", async () => {
    const b = new Browser();
    await answerAll(b);
    await finish(b);
    const received = db.select().from(schema.caseEvents).get()!;
    expect(received.staffId).toBeNull();
    expect(received.params).not.toHaveProperty("channel");
    const receipt = await receiptOf(b);
    expect(receipt).toMatchObject({ onBehalf: null, caseId: null });
  });
});

describe("the draft", () => {
  it("is forgotten after 24 hours, and the start page says so", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wie", answers.wie),
        params: { step: "wie" },
        context: context(),
      }),
    );
    db.update(schema.drafts)
      .set({ expiresAt: Date.now() - 1 })
      .run();
    const step = await b.run(() =>
      stepLoader("testimony", {
        request: b.get("/verhaal/veilig"),
        params: { step: "veilig" },
        context: context(),
      }),
    );
    expect(step.headers.get("Location")).toBe("/verhaal/wie");
    const start = await (
      await startLoader("testimony", { request: b.get("/verhaal"), params: {}, context: context() })
    ).json();
    expect(start).toMatchObject({ expired: true, resumeHref: null });
  });

  it("is deleted by the quick exit", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wat-is-er-gebeurd", { story: STORY }),
        params: { step: "wat-is-er-gebeurd" },
        context: context(),
      }),
    );
    expect(db.select().from(schema.drafts).all()).toHaveLength(1);
    endReporterSession(b.get("/weg"));
    expect(db.select().from(schema.drafts).all()).toHaveLength(0);
  });

  it("lets a person continue where they were", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("complaint", {
        request: b.post("/klacht/wie", answers.wie),
        params: { step: "wie" },
        context: context(),
      }),
    );
    const start = await (
      await startLoader("complaint", { request: b.get("/klacht"), params: {}, context: context() })
    ).json();
    expect(start).toMatchObject({ expired: false, resumeHref: "/klacht/afdeling" });
  });

  it("carries the answers over when a story becomes a complaint", async () => {
    const b = new Browser();
    await b.run(() =>
      stepAction("testimony", {
        request: b.post("/verhaal/wie", answers.wie),
        params: { step: "wie" },
        context: context(),
      }),
    );
    const res = await b.run(() =>
      stepLoader("complaint", { request: b.get("/klacht/wie"), params: { step: "wie" }, context: context() }),
    );
    expect((await res.json()).values).toEqual({ reporterRole: "young_person" });
  });
});
