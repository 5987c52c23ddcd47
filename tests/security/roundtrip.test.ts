/**
 * What a person tells arrives unchanged (issue 14): random but valid intakes of all three kinds, in Dutch
 * and English, sent over real HTTP the way a browser without JavaScript sends them, and every answer
 * looked for, in the person's words, on every page that shows it: the check page, the staff case page and
 * the referral page of each organisation the consents allow. It must be absent where it may not be: the
 * receipt and the reporter's /volgen pages (a shared device), the staff page until the contact details
 * are asked for, a referral without the part or the consent.
 *
 * The driver follows the app's redirects and fills, on each page, the fields that page has: a question
 * moved to another page keeps working. The seed is printed; ROUNDTRIP_SEED and ROUNDTRIP_RUNS repeat or
 * widen a run.
 */
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseText } from "~/domain/form-input";
import { relevantRecipients, type ConsentAnswer } from "~/domain/intake/answers";
import { themes as themeKeys, wishes as wishKeys, type Theme, type Wish } from "~/domain/case-content";
import { caseDeadlines, type DeadlineSettings } from "~/domain/working-days";
import { deadlineSettingKeys } from "~/server/deadline-settings.server";
import { schema } from "~/server/db.server";
import { signLink } from "~/server/signed-links.server";
import type { ConsentRecipient } from "../../db/schema";
import { answerQuestions, Browser, sendAnswers, textOf, type FieldValue, type Page } from "./helpers/browser";
import { serverDb, staffClient } from "./helpers/db";
import { Client } from "./helpers/http";
import { word } from "./helpers/locale";

const SEED = Number(process.env.ROUNDTRIP_SEED ?? 1_406_2026);
const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 20);

type Lang = "nl" | "en";
type Kind = "testimony" | "complaint" | "contact";

// ---------------------------------------------------------------- words, as the locale files have them

/** The period in words, from the locale strings themselves (not from the app's formatter). */
function periodWords(lang: Lang, from: number | undefined, to: number | undefined): string | null {
  if (from !== undefined && to !== undefined)
    return from === to ? String(from) : word(lang, "common", "period.between", { from, to });
  if (from !== undefined) return word(lang, "common", "period.from", { from });
  if (to !== undefined) return word(lang, "common", "period.until", { to });
  return null;
}

// ---------------------------------------------------------------- what a person types

/**
 * Pieces of text people write: words, emoji (joined, flags, skin tones), Arabic and Hebrew, HTML-like
 * text, decomposed accents (NFD), numbers that look like years, line breaks in both conventions, tabs.
 */
const piece = fc.constantFrom(
  "Ik",
  "werd",
  "drie dagen",
  "opgesloten in de separeer",
  "they took my phone",
  "😀",
  "👩‍👩‍👧",
  "🇳🇱",
  "👍🏽",
  "❤️",
  "مرحبا، هذا ما حدث لي",
  "שלום, זה מה שקרה",
  "<b>vet</b> & \"dubbel\" 'enkel'",
  "</textarea><script>x</script>",
  "e\u0301e\u0301n",
  "A\u030Angstro\u0308m",
  "1970",
  "2021–2022",
  "…",
  "\n",
  "\r\n",
  "\n\n",
  "\t",
);
const pad = fc.constantFrom("", " ", "  ", "\n", "\r\n ", " \t");

let tokenCount = 0;
/** A marker only this answer carries, so its absence from a page can be checked in the raw HTML. */
const token = (field: string) => `Q${(++tokenCount).toString(36).toUpperCase()}${field.toUpperCase()}Z`;

type Typed = { raw: string; token: string };

function typed(field: string, opts: { min?: number; max?: number } = {}) {
  return fc
    .tuple(pad, fc.array(piece, { minLength: opts.min ?? 0, maxLength: opts.max ?? 12 }), pad)
    .map(([a, parts, b]): Typed => {
      const t = token(field);
      return { raw: `${a}${t} ${parts.join(" ")}${b}`, token: t };
    });
}

const story = fc.oneof(
  { weight: 3, arbitrary: typed("story", { max: 30 }) },
  // Longer than the check page's preview: the preview must be a clean start of the story.
  { weight: 1, arbitrary: typed("story", { min: 150, max: 400 }) },
);

const year = fc.integer({ min: 2000, max: new Date().getFullYear() });
const period = fc.oneof(
  fc.constant({}),
  year.map((y) => ({ from: y, to: y })),
  year.map((y) => ({ from: y })),
  year.map((y) => ({ to: y })),
  fc.tuple(year, year).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
);

const email = fc
  .tuple(
    fc.constantFrom("sam", "j.de.vries", "noor+zikos", "A_B"),
    fc.constantFrom("example.org", "mail.example.nl"),
  )
  .map(([local, domain]) => {
    const t = token("email");
    return { raw: `${local}.${t.toLowerCase()}@${domain}`, token: t.toLowerCase() };
  });
const phone = fc
  .tuple(fc.constantFrom("06 ", "+31 6 ", "06-", "(06) "), fc.integer({ min: 10_000_000, max: 99_999_999 }))
  .map(([prefix, n]) => {
    const raw = `${prefix}${n}`;
    return { raw, token: raw };
  });

type Units = { slug: string; name: string; place: string }[];
type Municipality = { code: string; name: string; orgId: number };

type IntakeGen = {
  kind: "testimony" | "complaint";
  lang: Lang;
  reporterRole: "young_person" | "close" | "other";
  unit: string | undefined;
  unitOther: Typed | undefined;
  period: { from?: number; to?: number };
  story: Typed;
  themes: Theme[];
  themeOther: Typed | undefined;
  complaintAbout: Typed | undefined;
  desiredOutcome: Typed | undefined;
  safeNow: "yes" | "no" | "rather_not_say";
  wishes: Wish[];
  consents: Partial<Record<ConsentRecipient, ConsentAnswer>>;
  contactMethod: "none" | "email" | "phone";
  name: Typed | undefined;
  email: Typed | undefined;
  phone: Typed | undefined;
  safeTimes: Typed | undefined;
  mayLeaveMessage: "yes" | "no";
  municipality: Municipality | undefined;
};

type ContactGen = {
  kind: "contact";
  lang: Lang;
  name: Typed;
  relation: string;
  relationOther: Typed | undefined;
  /** One way to be reached (ADR 037): call times only come with a phone number. */
  contactMethod: "phone" | "email";
  email: Typed | undefined;
  phone: Typed | undefined;
  safeTimes: Typed | undefined;
  mayLeaveMessage: "yes" | "no";
  question: Typed;
  youngPersonKnows: "yes" | "no" | "unknown";
  urgent: "yes" | "no";
};

type Gen = IntakeGen | ContactGen;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const lang = fc.constantFrom<Lang>("nl", "en");

function intakeArb(units: Units, municipalities: Municipality[]): fc.Arbitrary<IntakeGen> {
  const consent = fc.constantFrom<ConsentAnswer>("no", "anonymous", "with_identity");
  return fc
    .record({
      kind: fc.constantFrom("testimony" as const, "complaint" as const),
      lang,
      reporterRole: fc.constantFrom("young_person" as const, "close" as const, "other" as const),
      unit: fc.constantFrom(undefined, "other", "unknown", ...units.map((u) => u.slug)),
      unitOther: optional(typed("unitOther", { max: 6 })),
      period,
      story,
      themes: fc.oneof(fc.constant<Theme[]>([...themeKeys]), fc.subarray<Theme>([...themeKeys])),
      themeOther: optional(typed("themeOther", { max: 8 })),
      complaintAbout: optional(typed("complaintAbout", { max: 8 })),
      desiredOutcome: optional(typed("desiredOutcome", { max: 20 })),
      safeNow: fc.constantFrom("yes" as const, "no" as const, "rather_not_say" as const),
      wishes: fc.subarray([...wishKeys], { minLength: 1 }),
      consents: fc.record({ igj: consent, ozj: consent, gemeente: consent }),
      contactMethod: fc.constantFrom("none" as const, "email" as const, "phone" as const),
      name: optional(typed("name", { max: 3 })),
      email,
      phone,
      safeTimes: optional(typed("safeTimes", { max: 5 })),
      mayLeaveMessage: fc.constantFrom("yes" as const, "no" as const),
      municipality: optional(fc.constantFrom(...municipalities)),
      fallbackMunicipality: fc.constantFrom(...municipalities),
    })
    .map(({ fallbackMunicipality, ...g }): IntakeGen => {
      // Valid answers only: what a page would refuse is another test's subject.
      const relevant = relevantRecipients(g.wishes);
      const consents = Object.fromEntries(relevant.map((r) => [r, g.consents[r]]));
      const identity = relevant.some((r) => consents[r] === "with_identity");
      const contactMethod = identity && g.contactMethod === "none" ? "email" : g.contactMethod;
      const needsMunicipality = relevant.includes("gemeente") && consents.gemeente !== "no";
      return {
        ...g,
        unitOther: g.unit === "other" ? g.unitOther : undefined,
        themeOther: g.themes.includes("other") ? g.themeOther : undefined,
        complaintAbout: g.kind === "complaint" ? g.complaintAbout : undefined,
        desiredOutcome: g.kind === "complaint" ? g.desiredOutcome : undefined,
        consents,
        contactMethod,
        name: contactMethod === "none" ? undefined : g.name,
        email: contactMethod === "email" ? g.email : undefined,
        phone: contactMethod === "phone" ? g.phone : undefined,
        safeTimes: contactMethod === "none" ? undefined : g.safeTimes,
        municipality: g.municipality ?? (needsMunicipality ? fallbackMunicipality : undefined),
      };
    });
}

const contactArb: fc.Arbitrary<ContactGen> = fc
  .record({
    kind: fc.constant("contact" as const),
    lang,
    name: typed("name", { max: 3 }),
    relation: fc.constantFrom("parent", "sibling", "partner", "family", "friend", "guardian", "other"),
    relationOther: typed("relationOther", { max: 4 }),
    email: optional(email),
    phone: optional(phone),
    safeTimes: optional(typed("safeTimes", { max: 5 })),
    mayLeaveMessage: fc.constantFrom("yes" as const, "no" as const),
    question: typed("question", { min: 1, max: 40 }),
    youngPersonKnows: fc.constantFrom("yes" as const, "no" as const, "unknown" as const),
    urgent: fc.constantFrom("yes" as const, "no" as const),
    fallbackEmail: email,
  })
  .map(({ fallbackEmail, ...g }) => ({
    ...g,
    relationOther: g.relation === "other" ? g.relationOther : undefined,
    contactMethod: g.phone ? ("phone" as const) : ("email" as const),
    email: g.phone ? undefined : (g.email ?? fallbackEmail),
    safeTimes: g.phone ? g.safeTimes : undefined,
  }));

// ---------------------------------------------------------------- the form fields a person fills

const clean = (t: Typed | undefined) => (t ? normaliseText(t.raw) : undefined);

function fieldsOf(g: Gen): Record<string, FieldValue> {
  const f: Record<string, FieldValue | undefined> =
    g.kind === "contact"
      ? {
          name: g.name.raw,
          relation: g.relation,
          relationOther: g.relationOther?.raw,
          contactMethod: g.contactMethod,
          phone: g.phone?.raw,
          email: g.email?.raw,
          safeTimes: g.safeTimes?.raw,
          mayLeaveMessage: g.phone ? g.mayLeaveMessage : undefined,
          question: g.question.raw,
          youngPersonKnows: g.youngPersonKnows,
          urgent: g.urgent,
        }
      : {
          reporterRole: g.reporterRole,
          unit: g.unit,
          unitOther: g.unitOther?.raw,
          periodFrom: g.period.from?.toString(),
          periodTo: g.period.to?.toString(),
          story: g.story.raw,
          themes: g.themes,
          themeOther: g.themeOther?.raw,
          complaintAbout: g.complaintAbout?.raw,
          desiredOutcome: g.desiredOutcome?.raw,
          safeNow: g.safeNow,
          wishes: g.wishes,
          ...Object.fromEntries(Object.entries(g.consents).map(([r, a]) => [`consent-${r}`, a])),
          contactMethod: g.contactMethod,
          name: g.name?.raw,
          email: g.email?.raw,
          phone: g.phone?.raw,
          safeTimes: g.safeTimes?.raw,
          mayLeaveMessage: g.contactMethod === "phone" ? g.mayLeaveMessage : undefined,
          municipality: g.municipality?.name,
        };
  return Object.fromEntries(Object.entries(f).filter((e): e is [string, FieldValue] => e[1] !== undefined));
}

// ---------------------------------------------------------------- what each page must show

/** Every element's text as a reader gets it (entities decoded). */
const texts = (page: Page) => page.doc.querySelectorAll("main *").map((el) => textOf(el));

function expectShown(page: Page, value: string, what: string) {
  expect(texts(page), `${page.url}: ${what} shown exactly as typed`).toContain(value);
}

/** The dd of a dt that says `label`. */
function fact(page: Page, label: string) {
  const dt = page.doc.querySelectorAll("main dt").find((d) => textOf(d) === label);
  return dt?.nextElementSibling ?? null;
}

/** The answer next to its label (a dt and its dd), exactly. */
function expectFact(page: Page, label: string, value: string) {
  expect(textOf(fact(page, label)), `${page.url}: "${label}"`).toBe(value);
}

function expectContained(page: Page, value: string, what: string) {
  expect(textOf(page.doc.querySelector("main")), `${page.url}: ${what}`).toContain(value);
}

function expectAbsent(page: Page, tokens: string[], what: string) {
  for (const t of tokens) expect(page.html, `${page.url}: ${what} (${t}) must not be here`).not.toContain(t);
}

/** The tokens of a generated intake, by the part of a case they belong to. */
function tokensOf(g: Gen) {
  const t = (x: Typed | undefined) => (x ? [x.token] : []);
  if (g.kind === "contact") {
    return {
      story: [...t(g.question), ...t(g.relationOther)],
      themes: [],
      unitPeriod: [],
      contact: [...t(g.name), ...t(g.email), ...t(g.phone), ...t(g.safeTimes)],
    };
  }
  return {
    story: [...t(g.story), ...t(g.complaintAbout), ...t(g.desiredOutcome)],
    themes: t(g.themeOther),
    unitPeriod: t(g.unitOther),
    contact: [...t(g.name), ...t(g.email), ...t(g.phone), ...t(g.safeTimes)],
  };
}
const allTokens = (g: Gen) => Object.values(tokensOf(g)).flat();

// ---------------------------------------------------------------- the journey

const startPath: Record<Kind, string> = { testimony: "/verhaal", complaint: "/klacht", contact: "/contact" };

type Receipt = Awaited<ReturnType<typeof sendAnswers>>;

async function followView(g: Gen, receipt: Receipt): Promise<Page[]> {
  const b = new Browser({ lang: g.lang });
  await b.open("/volgen");
  const page = await b.submit(b.form(), { code: receipt.code, passphrase: receipt.passphrase });
  expect(page.url).toMatch(/^\/volgen\/zaak/);
  return [page, await b.open("/volgen/delen"), await b.open("/volgen/toevoegen")];
}

function caseIdOf(code: string): number {
  const raw = code.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  const row = serverDb()
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(eq(schema.cases.code, raw))
    .get();
  if (!row) throw new Error(`No case with code ${code}`);
  return row.id;
}

// ---------------------------------------------------------------- the checks per page

function checkIntakeCheckPage(page: Page, g: IntakeGen, units: Units) {
  const l = g.lang;
  const storyText = clean(g.story)!;
  const shown = page.doc.querySelectorAll("main dd").map((dd) => textOf(dd.querySelector("span")));
  if ([...storyText].length <= 500) expectShown(page, storyText, "the story");
  else {
    const token = g.story.token;
    const preview = shown.find((s) => s.startsWith(token)) ?? "";
    expect(preview.length, `${page.url}: the story's preview is long enough`).toBeGreaterThan(400);
    const tail = (x: string) => JSON.stringify([...x.slice(-12)].map((c) => c.codePointAt(0)!.toString(16)));
    expect(
      storyText.startsWith(preview),
      `${page.url}: the story's preview is its start, unchanged (ends ${tail(preview)}, story there ${tail(storyText.slice(0, preview.length))})`,
    ).toBe(true);
  }
  for (const [what, v] of Object.entries({
    unitOther: g.unitOther,
    themeOther: g.themeOther,
    complaintAbout: g.complaintAbout,
    desiredOutcome: g.desiredOutcome,
    name: g.name,
    email: g.email,
    phone: g.phone,
    safeTimes: g.safeTimes,
  })) {
    if (v) expectShown(page, clean(v)!, what);
  }
  expectFact(
    page,
    word(l, "intake", "check.rows.period"),
    periodWords(l, g.period.from, g.period.to) ?? word(l, "intake", "check.notGiven"),
  );
  const unit = units.find((u) => u.slug === g.unit);
  if (unit)
    expectShown(page, word(l, "intake", "unit.unitLabel", { name: unit.name, place: unit.place }), "unit");
  for (const theme of g.themes) expectShown(page, word(l, "intake", `what.themes.options.${theme}`), theme);
  if (g.municipality) expectShown(page, g.municipality.name, "the municipality, by its official name");
}

function checkStaffPage(page: Page, contactShown: Page, g: Gen, units: Units) {
  expect(page.status).toBe(200);
  if (g.kind === "contact") {
    expectShown(page, clean(g.question)!, "the question");
    if (g.relationOther) expectShown(page, clean(g.relationOther)!, "the relation in their words");
  } else {
    expectShown(page, clean(g.story)!, "the story");
    if (g.complaintAbout) expectShown(page, clean(g.complaintAbout)!, "complaintAbout");
    if (g.desiredOutcome) expectShown(page, clean(g.desiredOutcome)!, "desiredOutcome");
    if (g.themeOther) expectContained(page, `(${clean(g.themeOther)!})`, "themeOther");
    const unit = units.find((u) => u.slug === g.unit);
    if (unit) expectShown(page, `${unit.name}, ${unit.place}`, "the unit");
    else if (g.unitOther)
      expectShown(
        page,
        word("nl", "staff", "case.summary.otherUnit", { text: clean(g.unitOther)! }),
        "unitOther",
      );
    expectFact(
      page,
      word("nl", "staff", "case.summary.period"),
      periodWords("nl", g.period.from, g.period.to) ?? word("nl", "staff", "case.unknown"),
    );
    expectShown(
      page,
      g.municipality?.name ?? word("nl", "staff", "case.unknown"),
      "the municipality, by its official name",
    );
  }
  // Contact details only once a worker asks for them (and that is logged).
  expectAbsent(page, tokensOf(g).contact, "contact details before they are asked for");
  for (const v of [g.name, g.email, g.phone, g.safeTimes]) {
    if (v) expectShown(contactShown, clean(v)!, "a contact detail");
  }
}

type OrgIds = { igj: number; ozj: number };

/** Refers the case to every organisation the consents could allow, and checks each organisation's page. */
async function checkReferrals(staff: Client, caseId: number, g: Gen, orgs: OrgIds) {
  const targets: { recipient: ConsentRecipient; orgId: number }[] = [
    { recipient: "igj", orgId: orgs.igj },
    { recipient: "ozj", orgId: orgs.ozj },
  ];
  if (g.kind !== "contact" && g.municipality)
    targets.push({ recipient: "gemeente", orgId: g.municipality.orgId });
  const tokens = tokensOf(g);
  for (const { recipient, orgId } of targets) {
    const consent = g.kind === "contact" ? "no" : (g.consents[recipient] ?? "no");
    const b = new Browser({ client: staff });
    const choose = await b.open(`/medewerker/zaken/${caseId}/verwijzen?naar=${orgId}`);
    const form = choose.doc.querySelectorAll("main form").find((f) => f.id === "refer");
    const offered = form
      ? form
          .querySelectorAll("input[name=parts]")
          .filter((i) => !i.hasAttribute("disabled"))
          .map((i) => i.getAttribute("value")!)
      : [];
    const expected =
      g.kind === "contact" || consent === "no"
        ? []
        : [
            "story",
            ...(g.themes.length || g.themeOther ? ["themes"] : []),
            ...(units.some((u) => u.slug === g.unit) || g.unitOther || g.period.from || g.period.to
              ? ["unit_period"]
              : []),
            ...(consent === "with_identity" && g.contactMethod !== "none" ? ["contact"] : []),
          ];
    expect(offered.sort(), `${recipient}: the parts the consent (${consent}) allows`).toEqual(
      expected.sort(),
    );
    if (!form || offered.length === 0) continue;
    const done = await b.submit(form, { parts: offered });
    expect(done.url, b.errors()).toContain(`/medewerker/zaken/${caseId}`);

    const referral = serverDb()
      .select()
      .from(schema.referrals)
      .where(eq(schema.referrals.caseId, caseId))
      .all()
      .find((r) => r.organisationId === orgId)!;
    // The link the organisation's mail carries.
    const link = signLink({
      referralId: referral.id,
      version: referral.linkVersion,
      expiresAt: referral.linkExpiresAt,
    });
    const page = await new Browser({ lang: "nl" }).open(`/verwijzing/${link}`);
    expect(page.status).toBe(200);
    if (g.kind === "contact") continue;
    const where = `referral to ${recipient}`;
    expectShown(page, clean(g.story)!, `${where}: the story`);
    if (g.complaintAbout) expectShown(page, clean(g.complaintAbout)!, `${where}: complaintAbout`);
    if (g.desiredOutcome) expectShown(page, clean(g.desiredOutcome)!, `${where}: desiredOutcome`);
    if (offered.includes("themes")) {
      if (g.themeOther) expectShown(page, clean(g.themeOther)!, `${where}: themeOther`);
      for (const th of g.themes) expectShown(page, word("nl", "referral", `content.themeValues.${th}`), th);
    } else expectAbsent(page, tokens.themes, `${where}: themes not shared`);
    if (offered.includes("unit_period")) {
      if (g.unitOther) expectShown(page, clean(g.unitOther)!, `${where}: unitOther`);
      expectFact(
        page,
        word("nl", "referral", "content.period"),
        periodWords("nl", g.period.from, g.period.to) ?? word("nl", "referral", "content.periodUnknown"),
      );
    } else expectAbsent(page, tokens.unitPeriod, `${where}: unit not shared`);
    if (offered.includes("contact")) {
      for (const v of [g.name, g.email, g.phone, g.safeTimes]) if (v) expectShown(page, clean(v)!, where);
    } else expectAbsent(page, tokens.contact, `${where}: contact details not shared`);
    if (recipient !== "gemeente" && g.municipality) {
      expect(page.html, `${where}: the municipality is not shared`).not.toContain(g.municipality.code);
      expect(textOf(page.doc.querySelector("main")), `${where}: the municipality is not shared`).not.toMatch(
        new RegExp(`(^|[^\\p{L}])${escapeRegExp(g.municipality.name)}($|[^\\p{L}])`, "u"),
      );
    }
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Deadlines other than the defaults, set before the run: a case must promise these (a case computed with
 * the defaults promised the wrong day, issue 14).
 */
const SETTINGS: DeadlineSettings = { ackWorkingDays: 3, ackWorkingDaysUrgent: 2, answerWeeks: 4 };

function checkDeadlines(receipt: Receipt, staffPage: Page, g: Gen, caseId: number) {
  const row = serverDb()
    .select({ receivedAt: schema.cases.receivedAt, urgent: schema.cases.urgent })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get()!;
  const urgent =
    g.kind === "contact" ? g.urgent === "yes" : g.safeNow === "no" || g.wishes.includes("help_now");
  expect(row.urgent).toBe(urgent);
  const due = caseDeadlines(row.receivedAt, urgent, SETTINGS);
  if (g.kind !== "contact") {
    const day = new Intl.DateTimeFormat(g.lang === "nl" ? "nl-NL" : "en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Amsterdam",
    }).format(due.ackDueAt);
    expectContained(receipt.page, day, "the receipt promises the answer by the day the settings give");
  }
  for (const [label, at] of [
    ["case.summary.ackDue", due.ackDueAt],
    ["case.summary.answerDue", due.answerDueAt],
  ] as const) {
    const shown = fact(staffPage, word("nl", "staff", label))
      ?.querySelector("time")
      ?.getAttribute("datetime");
    expect(shown, `staff case page: ${label} from the settings`).toBe(new Date(at).toISOString());
  }
}

// ---------------------------------------------------------------- the test

let units: Units = [];
let municipalities: Municipality[] = [];
let orgs: OrgIds;
let staff: Client;

beforeAll(async () => {
  const db = serverDb();
  units = db
    .select({ slug: schema.units.slug, name: schema.units.name, place: schema.units.place })
    .from(schema.units)
    .all();
  const o = schema.organisations;
  const national = db
    .select()
    .from(o)
    .where(inArray(o.kind, ["igj", "ozj"]))
    .all();
  orgs = {
    igj: national.find((x) => x.kind === "igj")!.id,
    ozj: national.find((x) => x.kind === "ozj")!.id,
  };
  // Official names with the characters that trip people up: an apostrophe, accents, a suffix.
  const names = ["Amsterdam", "'s-Gravenhage", "'s-Hertogenbosch", "Súdwest-Fryslân", "Bergen (NH.)", "Ede"];
  municipalities = db
    .select({ code: o.cbsCode, name: o.name, orgId: o.id })
    .from(o)
    .where(inArray(o.name, names))
    .all()
    .map((m) => ({ code: m.code!, name: m.name, orgId: m.orgId }));
  expect(municipalities.map((m) => m.name).sort()).toEqual([...names].sort());
  // Organisations can only receive a referral with an address to mail the link to.
  db.update(o)
    .set({ referralEmail: "verwijzing@example.org" })
    .where(inArray(o.id, [orgs.igj, orgs.ozj, ...municipalities.map((m) => m.orgId)]))
    .run();
  staff = (await staffClient("ombudsworker")).client;
  const now = Date.now();
  for (const [field, key] of Object.entries(deadlineSettingKeys) as [keyof DeadlineSettings, string][]) {
    const value = String(SETTINGS[field]);
    db.insert(schema.settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: schema.settings.key, set: { value, updatedAt: now } })
      .run();
  }
});

// Other test files share this server's database: the statutory defaults again.
afterAll(() => {
  serverDb()
    .delete(schema.settings)
    .where(inArray(schema.settings.key, Object.values(deadlineSettingKeys)))
    .run();
});

let started = 0;
beforeAll(() => {
  started = Date.now();
});
afterAll(() => {
  console.log(`round trip: seed ${SEED}, ${RUNS} runs, ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe("what a person tells arrives unchanged", () => {
  it(`on every page that shows it, and nowhere else (seed ${SEED}, ${RUNS} runs)`, async () => {
    console.log(`round trip: fast-check seed ${SEED}, ${RUNS} runs (ROUNDTRIP_SEED / ROUNDTRIP_RUNS)`);
    const arb = fc.oneof(intakeArb(units, municipalities), contactArb);
    await fc.assert(
      fc.asyncProperty(arb, async (g) => {
        const b = new Browser({ lang: g.lang });
        const check = await answerQuestions(b, startPath[g.kind], fieldsOf(g));
        expect(check.doc.querySelector("html")?.getAttribute("lang")).toBe(g.lang);
        if (g.kind === "contact") {
          for (const v of [g.name, g.relationOther, g.email, g.phone, g.safeTimes, g.question]) {
            if (v) expectShown(check, clean(v)!, "an answer");
          }
        } else checkIntakeCheckPage(check, g, units);

        const receipt = await sendAnswers(b);
        expectAbsent(receipt.page, allTokens(g), "an answer on the receipt");
        for (const page of await followView(g, receipt)) {
          expect(page.status).toBe(200);
          expectAbsent(page, allTokens(g), "an answer on /volgen");
        }

        const caseId = caseIdOf(receipt.code);
        const staffBrowser = new Browser({ client: staff });
        const staffPage = await staffBrowser.open(`/medewerker/zaken/${caseId}`);
        const contactPage = await staffBrowser.open(`/medewerker/zaken/${caseId}?contact=show`);
        checkStaffPage(staffPage, contactPage, g, units);
        checkDeadlines(receipt, staffPage, g, caseId);
        await checkReferrals(staff, caseId, g, orgs);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);
});
