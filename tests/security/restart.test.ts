/**
 * State that survives a restart, and one process per database (ADR 017), against the built server: a
 * reporter stays signed in when the server restarts on the same database (also after SIGKILL), a
 * sign-in counter keeps counting, and a second server process on the same file refuses to start while
 * scripts can still open it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";
import { CODE_ATTEMPTS } from "~/domain/lockout";
import { openDatabase, type Db } from "~/server/db.server";
import { openTestCase } from "../helpers/follow-fixtures";
import { Client } from "./helpers/http";
import { spawnServer, startServer, type OwnServer } from "./helpers/own-server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-restart-"));
const running: OwnServer[] = [];
const opened: Db[] = [];

afterAll(async () => {
  for (const s of running) await s.stop("SIGKILL");
  for (const db of opened) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serverOn(file: string) {
  const s = await startServer(file);
  running.push(s);
  return s;
}

/** A case in the database of `file` (the server has migrated it), with its code and passphrase as typed. */
async function caseIn(file: string) {
  const db = openDatabase(file);
  opened.push(db);
  const c = await openTestCase({}, { db });
  return { codeText: formatCaseCode(c.code), passphraseText: formatPassphrase(c.passphrase) };
}

describe("a restart", () => {
  it("signs no reporter out, after a clean stop and after SIGKILL", async () => {
    const file = path.join(dir, "sessions.db");
    let server = await serverOn(file);
    const c = await caseIn(file);
    const reporter = new Client();
    await reporter.csrf(`${server.baseUrl}/volgen`);
    const signIn = await reporter.postForm(`${server.baseUrl}/volgen`, {
      code: c.codeText,
      passphrase: c.passphraseText,
    });
    expect(signIn.location).toBe("/volgen/zaak");

    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      await server.stop(signal);
      server = await serverOn(file);
      const page = await reporter.get(`${server.baseUrl}/volgen/zaak`);
      expect(page.status, `after ${signal}`).toBe(200);
    }
    expect(fs.readFileSync(file).includes(Buffer.from(reporter.cookies.get("ap_follow")!))).toBe(false);
  });

  it("keeps the sign-in counters: a code over its ceiling stays locked", async () => {
    const file = path.join(dir, "counters.db");
    let server = await serverOn(file);
    const c = await caseIn(file);
    const wrong = (await caseIn(file)).passphraseText;
    // A crowd of clients (ten tries each) takes the code to its ceiling; in parallel, to save time.
    const crowd = Array.from({ length: CODE_ATTEMPTS / 10 }, () => new Client());
    await Promise.all(
      crowd.map(async (client) => {
        await client.csrf(`${server.baseUrl}/volgen`);
        for (let i = 0; i < 10; i++) {
          await client.postForm(`${server.baseUrl}/volgen`, { code: c.codeText, passphrase: wrong });
        }
      }),
    );
    await server.stop();
    server = await serverOn(file);
    const reporter = new Client();
    await reporter.csrf(`${server.baseUrl}/volgen`);
    const locked = await reporter.postForm(`${server.baseUrl}/volgen`, {
      code: c.codeText,
      passphrase: c.passphraseText,
    });
    expect(locked.status).toBe(400);
    expect(reporter.cookies.has("ap_follow")).toBe(false);
  });
});

describe("one process per database", () => {
  it("a second server on the same file refuses to start and says why; scripts can still open the file", async () => {
    const file = path.join(dir, "single.db");
    await serverOn(file);
    const second = await spawnServer(file);
    running.push(second);
    expect(await second.exited).not.toBe(0);
    expect(second.stderr()).toMatch(/Another server process is using the database/);

    const script = openDatabase(file);
    opened.push(script);
    expect(script.$client.prepare("SELECT count(*) AS n FROM cases").get()).toEqual({ n: 0 });
  });
});
