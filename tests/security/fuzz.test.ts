/**
 * Property-based fuzzing (fast-check) of every public form action over HTTP: generated urlencoded bodies
 * with missing fields, wrong types, huge strings, odd unicode, duplicate keys and unknown keys, mostly WITH
 * a valid CSRF token and session so validation is reached. Every body is made invalid on purpose (a first
 * value that no field accepts, or no valid token), and then:
 * - the server never answers 5xx, always a 4xx with the page;
 * - a text field that was sent comes back in the page (the person's input is kept);
 * - no row is written to cases, messages, outbox, case_events, consents or drafts.
 * Quick exit and the language switch are GETs: their query strings are fuzzed for "never a 5xx".
 *
 * Reproducible: a fixed seed, printed; FC_SEED=<n> runs another one. FC_RUNS=<n> changes the runs per action.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { rowCounts } from "./helpers/db";
import { Client, escapeHtml, type Reply } from "./helpers/http";
import { contactSteps, reporterClient } from "./helpers/reporter";

const SEED = Number(process.env.FC_SEED ?? 20_260_611);
const RUNS = Number(process.env.FC_RUNS ?? 48);
/** Generated bodies in total; the issue asks for at least 1,000 (checked at the end). */
let bodiesSent = 0;

type Entries = [string, string][];
type Spec = {
  name: string;
  path: string;
  client: () => Client;
  fields: string[];
  /**
   * Entries put first in the body so it is invalid whatever follows (formData.get takes the first value;
   * multi-value fields refuse any unknown value). Absent: only a body without a valid token is invalid.
   */
  invalid?: fc.Arbitrary<Entries>;
  /** A free-text field the page must show again after an invalid post, and what else to send with it. */
  kept?: { field: string; with: Entries; value?: (s: string) => string };
  /** No CSRF check on purpose (it only forgets or signs out): any body is fine, never a 5xx or a row. */
  anyBody?: boolean;
};

// ---------------------------------------------------------------- generators

const oddChars = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u200d",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "é",
  "ß",
  "ﬃ",
  "İ",
  "😀",
  "👩‍👩‍👧",
  "ع",
  "א",
  "中",
  "\n",
  "\r",
  "\t",
];
const specialValues = [
  "",
  " ",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "0",
  "-1",
  "1e309",
  "NaN",
  "true",
  "<script>alert(1)</script>",
  "%00",
  "%",
  "&",
  "=",
  "../../etc/passwd",
  "' OR 1=1 --",
  "${7*7}",
  "{{7*7}}",
];
const junk: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  { arbitrary: fc.array(fc.constantFrom(...oddChars), { maxLength: 12 }).map((a) => a.join("")), weight: 3 },
  { arbitrary: fc.constantFrom(...specialValues), weight: 3 },
  { arbitrary: fc.oneof(fc.integer(), fc.double()).map(String), weight: 2 },
  { arbitrary: fc.integer({ min: 20_000, max: 120_000 }).map((n) => "ä<".repeat(n / 2)), weight: 1 },
);
/** Something no choice field accepts. */
const notAChoice = junk.map((s) => `x-${s}`);
/** Readable text with the characters that need escaping, for the "input kept" check. */
const keptText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?-()"),
      fc.constantFrom("<", ">", "&", '"', "'", "<b>", "</textarea>", "é", "😀", "ع", "中", "ß"),
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((a) => `k${a.join("").replace(/\s+/g, " ").trim()}k`);

function bodyFor(spec: Spec, token: string) {
  const keys = fc.oneof(
    { arbitrary: fc.constantFrom(...spec.fields, "csrf", "website", "intent", "change"), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );
  const extras = fc.array(fc.tuple(keys, junk), { maxLength: 8 });
  const tokenMode = fc.constantFrom("valid", "valid", "valid", "valid", "valid", "missing", "wrong", "empty");
  return fc
    .record({ tokenMode, prefix: spec.invalid ?? fc.constant([] as Entries), extras })
    .map(({ tokenMode: mode, prefix, extras: rest }) => {
      // Without `invalid`, only the token can make the body invalid.
      const m = spec.invalid || spec.anyBody ? mode : mode === "valid" ? "missing" : mode;
      const head: Entries =
        m === "valid"
          ? [["csrf", token]]
          : m === "wrong"
            ? [["csrf", "A".repeat(43)]]
            : m === "empty"
              ? [["csrf", ""]]
              : [];
      // With no valid token first, a later "csrf" key must not carry the valid one.
      const tail = m === "valid" ? rest : rest.filter(([k, v]) => !(k === "csrf" && v === token));
      return { mode: m, entries: [...head, ...prefix, ...tail] };
    });
}

// ---------------------------------------------------------------- the actions

const clients: Record<string, Client> = {};
const tokens: Record<string, string> = {};

async function check(spec: Spec, entries: Entries): Promise<Reply> {
  const before = rowCounts();
  const res = await spec.client().post(spec.path, entries);
  bodiesSent++;
  const where = `${spec.name} → ${res.status} ${res.location ?? ""}: ${JSON.stringify(entries).slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (!spec.anyBody) {
    expect(res.status, where).toBeGreaterThanOrEqual(400);
    expect(res.headers["content-type"], where).toMatch(/text\/html/);
  }
  expect(rowCounts(), where).toEqual(before);
  return res;
}

const intake = (slug: string) => `/verhaal/${slug}`;

async function completedIntake(base: string): Promise<Client> {
  const client = new Client();
  const steps: [string, Entries][] = [
    ["wie", [["reporterRole", "young_person"]]],
    ["afdeling", [["unit", "t-anker"]]],
    [
      "wanneer",
      [
        ["periodFrom", "2019"],
        ["periodTo", "2021"],
      ],
    ],
    ["wat-is-er-gebeurd", [["story", "Ik zat veel alleen."]]],
    ["onderwerpen", [["themes", "isolation"]]],
    ...(base === "/klacht"
      ? ([["organisatie", [["complaintAbout", "Horizon"]]]] as [string, Entries][])
      : []),
    ["veilig", [["safeNow", "yes"]]],
    [
      "wensen",
      [
        ["wishes", "heard"],
        ["wishes", "investigation"],
        ["wishes", "counted"],
      ],
    ],
    ["toestemming", [["consent-igj", "anonymous"]]],
    ["contact", [["contactMethod", "none"]]],
    ["gemeente", []],
  ];
  for (const [slug, fields] of steps) {
    const res = await client.postForm(`${base}/${slug}`, fields);
    expect(res.status, `${base}/${slug}`).toBe(302);
  }
  expect(await client.get(`${base}/controleren`).then((r) => r.status)).toBe(200);
  return client;
}
const specs: Spec[] = [
  {
    name: "intake: who",
    path: intake("wie"),
    client: () => clients.intake!,
    fields: ["reporterRole"],
    invalid: notAChoice.map((v) => [["reporterRole", v]]),
  },
  {
    name: "intake: unit",
    path: intake("afdeling"),
    client: () => clients.intake!,
    fields: ["unit", "unitOther"],
    invalid: notAChoice.map((v) => [["unit", v]]),
  },
  {
    name: "intake: when",
    path: intake("wanneer"),
    client: () => clients.intake!,
    fields: ["periodFrom", "periodTo"],
    invalid: notAChoice.map((v) => [["periodFrom", v]]),
  },
  {
    name: "intake: what happened",
    path: intake("wat-is-er-gebeurd"),
    client: () => clients.intake!,
    fields: ["story"],
  },
  {
    name: "intake: themes",
    path: intake("onderwerpen"),
    client: () => clients.intake!,
    fields: ["themes", "themeOther"],
    invalid: notAChoice.map((v) => [["themes", v]]),
    kept: { field: "themeOther", with: [["themes", "x-not-a-theme"]] },
  },
  {
    name: "complaint: which organisation",
    path: "/klacht/organisatie",
    client: () => clients.complaint!,
    fields: ["complaintAbout"],
  },
  {
    name: "complaint: wishes",
    path: "/klacht/wensen",
    client: () => clients.complaint!,
    fields: ["wishes", "desiredOutcome"],
    invalid: notAChoice.map((v) => [["wishes", v]]),
    kept: { field: "desiredOutcome", with: [["wishes", "x-not-a-wish"]] },
  },
  {
    name: "intake: safe now",
    path: intake("veilig"),
    client: () => clients.intake!,
    fields: ["safeNow"],
    invalid: notAChoice.map((v) => [["safeNow", v]]),
  },
  {
    name: "intake: wishes",
    path: intake("wensen"),
    client: () => clients.intake!,
    fields: ["wishes"],
    invalid: notAChoice.map((v) => [["wishes", v]]),
  },
  {
    name: "intake: consent",
    path: intake("toestemming"),
    client: () => clients.intake!,
    fields: ["consent-igj", "consent-ozj", "consent-gemeente"],
    invalid: notAChoice.map((v) => [
      ["consent-igj", v],
      ["consent-ozj", v],
      ["consent-gemeente", v],
    ]),
  },
  {
    name: "intake: contact",
    path: intake("contact"),
    client: () => clients.intake!,
    fields: ["contactMethod", "name", "email", "phone", "safeTimes", "mayLeaveMessage"],
    invalid: notAChoice.map((v) => [["contactMethod", v]]),
    kept: {
      field: "safeTimes",
      with: [
        ["contactMethod", "phone"],
        ["phone", "06 12345678"],
        ["mayLeaveMessage", "x-not-an-answer"],
      ],
    },
  },
  {
    name: "intake: municipality",
    path: intake("gemeente"),
    client: () => clients.intake!,
    fields: ["municipality"],
    invalid: notAChoice.map((v) => [["municipality", v]]),
  },
  { name: "intake: send", path: intake("controleren"), client: () => clients.intake!, fields: [] },
  { name: "intake: done", path: intake("bevestiging"), client: () => clients.intake!, fields: ["done"] },
  // The contact request, one question per page (ADR 037).
  {
    name: "contact: name",
    path: "/contact",
    client: () => clients.contact!,
    fields: ["name"],
    invalid: fc.constantFrom<Entries>([["name", ""]], [["name", "n".repeat(101)]]),
    kept: { field: "name", with: [], value: (s) => s.padEnd(101, "+") },
  },
  {
    name: "contact: relation",
    path: "/contact/relatie",
    client: () => clients.contact!,
    fields: ["relation", "relationOther"],
    invalid: notAChoice.map((v) => [["relation", v]]),
    kept: { field: "relationOther", with: [["relation", "x-not-a-relation"]] },
  },
  {
    name: "contact: reach",
    path: "/contact/bereiken",
    client: () => clients.contact!,
    fields: ["contactMethod", "phone", "email"],
    invalid: notAChoice.map((v) => [["contactMethod", v]]),
    kept: { field: "email", with: [["contactMethod", "x-not-a-way"]] },
  },
  {
    name: "contact: call",
    path: "/contact/bellen",
    client: () => clients.contact!,
    fields: ["safeTimes", "mayLeaveMessage"],
    invalid: notAChoice.map((v) => [["mayLeaveMessage", v]]),
    kept: { field: "safeTimes", with: [["mayLeaveMessage", "x-not-an-answer"]] },
  },
  {
    name: "contact: question",
    path: "/contact/vraag",
    client: () => clients.contact!,
    fields: ["question"],
    invalid: fc.constantFrom<Entries>([["question", ""]], [["question", "q".repeat(2_001)]]),
    kept: { field: "question", with: [], value: (s) => s.padEnd(2_001, "+") },
  },
  {
    name: "contact: does the young person know",
    path: "/contact/weet-ervan",
    client: () => clients.contact!,
    fields: ["youngPersonKnows"],
    invalid: notAChoice.map((v) => [["youngPersonKnows", v]]),
  },
  {
    name: "contact: urgent",
    path: "/contact/dringend",
    client: () => clients.contact!,
    fields: ["urgent"],
    invalid: notAChoice.map((v) => [["urgent", v]]),
  },
  {
    name: "call me: name",
    path: "/bel-mij",
    client: () => clients.callMe!,
    fields: ["name"],
    // The name may stay empty here; a name too long is refused.
    invalid: fc.constant<Entries>([["name", "n".repeat(101)]]),
    kept: { field: "name", with: [], value: (s) => s.padEnd(101, "+") },
  },
  { name: "contact: send", path: "/contact/controleren", client: () => clients.contact!, fields: [] },
  {
    name: "contact: receipt saved",
    path: "/contact/bevestiging",
    client: () => clients.anonymous!,
    fields: [],
    anyBody: true,
  },
  {
    name: "follow: sign in",
    path: "/volgen",
    client: () => clients.anonymous!,
    fields: ["code", "passphrase"],
    invalid: fc.constant([["passphrase", ""]]),
    kept: { field: "code", with: [["passphrase", ""]] },
  },
  {
    name: "follow: reply",
    path: "/volgen/zaak",
    client: () => clients.reporter!,
    fields: ["message"],
    invalid: fc.constantFrom<Entries>(
      [["message", ""]],
      [["message", " \n\t "]],
      [["message", "x".repeat(5_001)]],
    ),
    kept: { field: "message", with: [], value: (s) => s.padEnd(5_001, "+") },
  },
  {
    name: "follow: add information",
    path: "/volgen/toevoegen",
    client: () => clients.reporter!,
    fields: ["addition"],
    invalid: fc.constantFrom<Entries>([["addition", ""]], [["addition", "y".repeat(20_001)]]),
    kept: { field: "addition", with: [], value: (s) => s.padEnd(20_001, "+") },
  },
  {
    name: "follow: consent",
    path: "/volgen/delen",
    client: () => clients.reporter!,
    fields: ["igj", "ozj", "gemeente"],
    invalid: notAChoice.map((v) => [["igj", v]]),
  },
  {
    name: "follow: news email",
    path: "/volgen/email",
    client: () => clients.reporter!,
    fields: ["email", "intent"],
    invalid: junk.map((v) => [["email", `no-at-sign ${v.replace(/@/g, "")}`]]),
    kept: { field: "email", with: [], value: (s) => `no-at ${s.replace(/@/g, "")}` },
  },
  { name: "follow: erase", path: "/volgen/verwijderen", client: () => clients.reporter!, fields: [] },
  {
    name: "follow: sign out",
    path: "/volgen/afmelden",
    client: () => clients.anonymous!,
    fields: [],
    anyBody: true,
  },
];

beforeAll(async () => {
  console.log(`fast-check seed ${SEED} (FC_SEED=${SEED} to repeat), ${RUNS} runs per action`);
  clients.anonymous = new Client();
  tokens.anonymous = await clients.anonymous.csrf();

  // Intakes with every question answered: each step page (and the check page) can be shown again with
  // its errors. (An invalid post to a step not reached yet is sent back to the first step instead.)
  clients.intake = await completedIntake("/verhaal");
  clients.complaint = await completedIntake("/klacht");

  // A contact request with every page answered (by phone, so the call page is there too).
  clients.contact = new Client();
  for (const [path, fields] of contactSteps) {
    const res = await clients.contact.postForm(path, fields);
    expect(res.status, path).toBe(302);
  }
  clients.callMe = new Client();

  clients.reporter = (await reporterClient()).client;
  for (const [k, c] of Object.entries(clients)) tokens[k] = await c.csrf();
});

describe("fuzzing the public form actions", () => {
  for (const spec of specs) {
    it(`${spec.name} (POST ${spec.path}): never a 5xx, invalid → 4xx, no rows`, async () => {
      const key = Object.entries(clients).find(([, c]) => c === spec.client())![0];
      await fc.assert(
        fc.asyncProperty(bodyFor(spec, tokens[key]!), async ({ entries }) => {
          await check(spec, entries);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The session still works: nothing above signed the reporter out or spoilt the draft.
      if (key === "reporter") expect((await clients.reporter!.get("/volgen/zaak")).status).toBe(200);
    });

    const kept = spec.kept;
    if (kept) {
      it(`${spec.name}: an invalid post shows the typed ${kept.field} again`, async () => {
        const key = Object.entries(clients).find(([, c]) => c === spec.client())![0];
        await fc.assert(
          fc.asyncProperty(keptText, async (text) => {
            const value = kept.value ? kept.value(text) : text;
            const res = await check(spec, [["csrf", tokens[key]!], [kept.field, value], ...kept.with]);
            expect(res.body, `${spec.name} keeps ${kept.field}`).toContain(escapeHtml(value));
          }),
          { seed: SEED, numRuns: Math.ceil(RUNS / 4), endOnFailure: true },
        );
      });
    }
  }
});

describe("the GET-only controls", () => {
  it("quick exit and the language switch never answer 5xx, whatever the query", async () => {
    const client = new Client();
    await fc.assert(
      fc.asyncProperty(junk, fc.constantFrom("/weg", "/", "/volgen", "/verhaal/wie"), async (value, path) => {
        const wellFormed = value.slice(0, 2000).replace(/[\ud800-\udfff]/g, "\ufffd");
        const res = await client.get(`${path}?lng=${encodeURIComponent(wellFormed)}`);
        expect(res.status).toBeLessThan(500);
        if (path === "/weg") {
          expect(res.status).toBe(303);
          expect(res.location).toBe("https://neutral.example/");
        }
        const post = await client.post("/weg", [["lng", value.slice(0, 2000)]]);
        expect(post.status).toBeLessThan(500);
        bodiesSent++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`sent at least 1,000 generated bodies in total`, () => {
    console.log(`Generated bodies sent: ${bodiesSent}`);
    if (!process.env.FC_RUNS) expect(bodiesSent).toBeGreaterThanOrEqual(1_000);
  });
});
