/** Reporters for the security tests: a case to follow and a client signed in to it on /volgen. */
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";
import type { NewCase } from "~/domain/new-case";
import { openTestCase } from "../../helpers/follow-fixtures";
import { serverDb } from "./db";
import { Client } from "./http";

export async function followedCase(overrides: Partial<NewCase> = {}) {
  serverDb();
  const c = await openTestCase(overrides);
  return { ...c, codeText: formatCaseCode(c.code), passphraseText: formatPassphrase(c.passphrase) };
}

/** A client signed in on /volgen to a new case (or to the given one). */
export async function reporterClient(existing?: Awaited<ReturnType<typeof followedCase>>) {
  const c = existing ?? (await followedCase());
  const client = new Client();
  const res = await client.postForm("/volgen", { code: c.codeText, passphrase: c.passphraseText });
  if (res.status !== 302 || res.location !== "/volgen/zaak")
    throw new Error(`Sign-in on /volgen answered ${res.status} ${res.location ?? ""}`);
  return { client, case: c };
}

/** A referral's frozen copy in the shape the app writes (ReferralContent), with the given story text. */
export const referralContent = (text: string) =>
  JSON.stringify({
    v: 1,
    kind: "complaint",
    parts: ["story"],
    coveringNote: text,
    story: { text, additions: [], reporterRole: null, wishes: [] },
  });

/** The contact request's pages, one question each (ADR 037), by phone so the call page comes too. */
export const contactSteps: readonly (readonly [string, Record<string, string>])[] = [
  ["/contact", { name: "Sam" }],
  ["/contact/relatie", { relation: "parent" }],
  ["/contact/bereiken", { contactMethod: "phone", phone: "06 12345678" }],
  ["/contact/bellen", { mayLeaveMessage: "no" }],
  ["/contact/vraag", { question: "Kan iemand bellen?" }],
  ["/contact/weet-ervan", { youngPersonKnows: "yes" }],
  ["/contact/dringend", { urgent: "no" }],
];
