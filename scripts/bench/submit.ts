/**
 * Finished intakes through the real HTTP forms, as a browser without JavaScript sends them: every step a
 * POST with the CSRF token, then "send" on the check page, which creates the case (argon2id included).
 * Times the final POST, and each step for information. Every visitor comes from its own loopback address,
 * so the per-client rate limit on finishing sees different people, as it would in real use.
 */
import { Visitor, type Reply } from "./http";

export type SubmitTimings = { finishMs: number[]; stepMs: number[] };

const STORY = [
  "Ik was vijftien toen ik op de afdeling kwam. De eerste week zat ik bijna de hele dag alleen op mijn kamer.",
  "Als ik boos werd, hielden ze me vast met vier mensen. Daarna moest ik naar de separeer.",
  "Er was geen school. Mijn moeder mocht maar één keer per week bellen.",
].join("\n");

function stepsFor(i: number): [string, Record<string, string | string[]>][] {
  const urgent = i % 5 === 0;
  const byPhone = i % 3 === 0;
  return [
    ["wie", { reporterRole: i % 4 === 0 ? "close" : "young_person" }],
    ["afdeling", { unit: i % 2 === 0 ? "t-anker" : "pactum-zetten" }],
    ["wanneer", { periodFrom: "2019", periodTo: "2021" }],
    ["wat-is-er-gebeurd", { story: `${STORY}\n(${i}) ${"Nog meer. ".repeat(i % 50)}` }],
    ["onderwerpen", { themes: ["isolation", "restraint", "no_school"] }],
    ["veilig", { safeNow: urgent ? "no" : "yes" }],
    ["wensen", { wishes: ["heard", "investigation", "counted"] }],
    // Contact details may go to the IGJ only from someone who can be reached.
    ["toestemming", { "consent-igj": byPhone && i % 2 === 0 ? "with_identity" : "anonymous" }],
    [
      "contact",
      byPhone
        ? {
            contactMethod: "phone",
            phone: "06 12345678",
            mayLeaveMessage: "no",
            safeTimes: "na 16 uur",
          }
        : { contactMethod: "none" },
    ],
    ["gemeente", byPhone ? { municipality: "GM0363" } : {}],
  ];
}

function form(token: string, fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams({ csrf: token });
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return body;
}

/** A loopback source address per visitor: 127.0.1.1, 127.0.1.2, … */
export const sourceAddress = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

/** A visitor whose intake is complete up to "send": the draft is on the server, the cookie in hand. */
export type Prepared = { visitor: Visitor; token: string };

export type VisitorOptions = {
  /** The loopback address to send from; `sourceAddress(i)` unless given. */
  source?: string;
  /** Sees every answer the server gives this visitor. */
  onReply?: (reply: Reply) => void;
};

/** Visitor `i` (the index also varies the answers) answers every question, up to the check page. */
export async function prepare(
  base: URL,
  i: number,
  into: SubmitTimings,
  opts: VisitorOptions = {},
): Promise<Prepared> {
  const visitor = new Visitor(base, opts.source ?? sourceAddress(i), opts.onReply);
  try {
    const first = await visitor.request("GET", "/verhaal/wie");
    const token = /name="csrf" value="([^"]+)"/.exec(first.body)?.[1];
    if (first.status !== 200 || !token)
      throw new Error(`GET /verhaal/wie answered ${first.status} without a form`);
    for (const [slug, fields] of stepsFor(i)) {
      const res = await visitor.request("POST", `/verhaal/${slug}`, form(token, fields));
      if (res.status !== 302) throw new Error(`POST /verhaal/${slug} answered ${res.status}`);
      into.stepMs.push(res.ms);
    }
    return { visitor, token };
  } catch (e) {
    visitor.close();
    throw e;
  }
}

/** What the confirmation page shows: the case code as displayed ("7KQM-2XRT-…") and the passphrase. */
export type ShownReceipt = { code: string; passphrase: string };

function shownValue(html: string, testId: string): string | undefined {
  const m = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</dd>`).exec(html);
  return m?.[1]?.replace(/<[^>]*>/g, "").replace(/\s+/g, "");
}

/**
 * Presses "send" on the check page and reads the receipt; the POST's time goes into `finishMs`.
 * Resolves with the receipt once the confirmation page has shown it.
 */
export async function finish({ visitor, token }: Prepared, into: SubmitTimings): Promise<ShownReceipt> {
  try {
    const res = await visitor.request("POST", "/verhaal/controleren", form(token, {}));
    if (res.status !== 302 || res.headers.location !== "/verhaal/bevestiging") {
      throw new Error(`POST /verhaal/controleren answered ${res.status} ${res.headers.location ?? ""}`);
    }
    into.finishMs.push(res.ms);
    const page = await visitor.request("GET", "/verhaal/bevestiging");
    const code = shownValue(page.body, "case-code");
    const passphrase = shownValue(page.body, "passphrase");
    if (page.status !== 200 || !code || !passphrase)
      throw new Error(`The confirmation (${page.status}) shows no case code or passphrase`);
    return { code, passphrase };
  } finally {
    visitor.close();
  }
}

/** One person after another, each answering every question and sending. */
export async function sequential(base: URL, count: number, firstIndex: number): Promise<SubmitTimings> {
  const timings: SubmitTimings = { finishMs: [], stepMs: [] };
  for (let i = 0; i < count; i++) await finish(await prepare(base, firstIndex + i, timings), timings);
  return timings;
}

/**
 * `count` people with their answers ready press "send", `atOnce` at the same moment: the finishing
 * requests overlap (argon2id and the case transaction compete), the questions before them do not.
 */
export async function concurrent(
  base: URL,
  count: number,
  atOnce: number,
  firstIndex: number,
): Promise<SubmitTimings> {
  const timings: SubmitTimings = { finishMs: [], stepMs: [] };
  for (let batch = 0; batch < count; batch += atOnce) {
    const ready: Prepared[] = [];
    for (let i = batch; i < Math.min(count, batch + atOnce); i++) {
      ready.push(await prepare(base, firstIndex + i, timings));
    }
    await Promise.all(ready.map((p) => finish(p, timings)));
  }
  return timings;
}
