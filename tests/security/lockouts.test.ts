/**
 * Lockouts over HTTP: guessing the passphrase of a /volgen code locks that code for the guesser (after
 * CLIENT_CODE_ATTEMPTS, also for the right passphrase) but not for the reporter elsewhere, and a code that
 * does not exist locks the same way, so "locked" tells nobody which codes exist. Staff sign-in is throttled per address and per account,
 * and answers an unknown email exactly like a known one. (The counters themselves are unit-tested in
 * app/server/follow-sign-in.server.test.ts and app/domain/sign-in-throttle.)
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_CODE_ATTEMPTS } from "~/domain/lockout";
import { MAX_FAILURES } from "~/domain/sign-in-throttle";
import { createStaff } from "../helpers/seed-cases";
import { serverDb } from "./helpers/db";
import { Client, escapeHtml, type Reply } from "./helpers/http";
import { followedCase } from "./helpers/reporter";

const locale = (ns: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/nl/${ns}.json`), "utf8"));
const follow = locale("follow").signIn.errors as Record<string, string>;
const staff = locale("staff").errors as Record<string, string>;
const shows = (res: Reply, text: string) => res.body.includes(escapeHtml(text));

describe("/volgen: guessing the passphrase", () => {
  it(`locks the code for the guesser after ${CLIENT_CODE_ATTEMPTS} wrong passphrases, not for the reporter`, async () => {
    expect(CLIENT_CODE_ATTEMPTS).toBe(10);
    const c = await followedCase();
    const wrong = (await followedCase()).passphraseText; // well-formed, but another case's
    const client = new Client();
    for (let i = 0; i < CLIENT_CODE_ATTEMPTS; i++) {
      const res = await client.postForm("/volgen", { code: c.codeText, passphrase: wrong });
      expect(res.status, `try ${i + 1}`).toBe(400);
      expect(shows(res, follow.wrong!), `try ${i + 1}`).toBe(true);
    }
    const right = await client.postForm("/volgen", { code: c.codeText, passphrase: c.passphraseText });
    expect(right.status).toBe(400);
    expect(shows(right, follow.locked!)).toBe(true);
    expect(client.cookies.has("ap_follow")).toBe(false);
    // Someone who knows a code cannot keep its reporter out: from another address the right passphrase works.
    const reporter = new Client();
    const owner = await reporter.postForm("/volgen", { code: c.codeText, passphrase: c.passphraseText });
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/volgen/zaak");
  });

  it("a code that does not exist answers the same, and locks the same", async () => {
    const client = new Client();
    const unknown = "ZZZZ-2222";
    const wrong = (await followedCase()).passphraseText;
    const answers: Reply[] = [];
    for (let i = 0; i <= CLIENT_CODE_ATTEMPTS; i++) {
      answers.push(await client.postForm("/volgen", { code: unknown, passphrase: wrong }));
    }
    expect(answers.slice(0, -1).every((r) => r.status === 400 && shows(r, follow.wrong!))).toBe(true);
    expect(shows(answers.at(-1)!, follow.locked!)).toBe(true);
  });
});

describe("staff sign-in", () => {
  it(`throttles after ${MAX_FAILURES} failures, and answers an unknown email exactly like a known one`, async () => {
    const known = await createStaff(serverDb(), { role: "coordinator" });
    const unknownEmail = `nobody-${Date.now()}@example.org`;
    const knownClient = new Client();
    const unknownClient = new Client();
    const tryIn = (client: Client, email: string, password: string) =>
      client.postForm("/medewerker/inloggen", { email, password });
    await knownClient.csrf();
    await unknownClient.csrf();

    // The first answers: the same status and message for both.
    const firstKnown = await tryIn(knownClient, known.email, "niet het goede wachtwoord");
    const firstUnknown = await tryIn(unknownClient, unknownEmail, "niet het goede wachtwoord");
    for (const r of [firstKnown, firstUnknown]) {
      expect(r.status).toBe(400);
      expect(shows(r, staff.signInFailed!)).toBe(true);
    }

    // The rest of the failures at once (each answer is slowed down; in parallel the test stays short).
    await Promise.all(
      Array.from({ length: MAX_FAILURES - 1 }, () => [
        tryIn(knownClient, known.email, "niet het goede wachtwoord"),
        tryIn(unknownClient, unknownEmail, "niet het goede wachtwoord"),
      ]).flat(),
    );

    // Past the limit: the same refusal for both, and the right password no longer helps.
    const lastKnown = await tryIn(knownClient, known.email, "niet het goede wachtwoord");
    const lastUnknown = await tryIn(unknownClient, unknownEmail, "niet het goede wachtwoord");
    const rightPassword = await tryIn(new Client(), known.email, known.password);
    for (const r of [lastKnown, lastUnknown, rightPassword]) {
      expect(r.status).toBe(429);
      expect(shows(r, staff.signInLimited!)).toBe(true);
      expect(r.location).toBeUndefined();
    }
  }, 90_000);
});
