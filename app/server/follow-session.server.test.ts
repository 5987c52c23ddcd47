import { beforeEach, describe, expect, it } from "vitest";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { openDatabase } from "./db.server";
import { eraseCase } from "./erasure.server";
import {
  endFollowSession,
  extendFollowSession,
  followSessionEndsInMs,
  IDLE_MS,
  lookupFollowSession,
  MAX_AGE_MS,
  startFollowSession,
  sweepFollowSessions,
} from "./follow-session.server";
import { endReporterSession } from "./reporter-session.server";

const NOW = 1_800_000_000_000;

function requestWith(setCookie?: string) {
  const cookie = setCookie?.split(";")[0];
  return new Request("http://localhost/volgen/zaak", { headers: cookie ? { Cookie: cookie } : {} });
}

let file: string;
const ids: number[] = [];
beforeEach(async () => {
  ({ file } = createTestDb());
  ids.length = 0;
  for (let i = 0; i < 3; i++) ids.push((await openTestCase()).caseId);
});

describe("follow sessions", () => {
  it("sets an httpOnly, strict, session-only cookie holding a random token, not the case", () => {
    const header = startFollowSession(requestWith(), ids[0]!, NOW);
    expect(header).toMatch(/^ap_follow=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(header).not.toContain(`=${ids[0]}`);
  });

  it("opens only its own case and stays alive while used", () => {
    const a = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    const b = requestWith(startFollowSession(requestWith(), ids[1]!, NOW));
    expect(lookupFollowSession(a, NOW + 1000)).toEqual({
      state: "active",
      session: { caseId: ids[0], endsAt: NOW + IDLE_MS },
    });
    expect(lookupFollowSession(b, NOW + 1000).state).toBe("active");
    // Used every 20 minutes: still alive after an hour.
    expect(lookupFollowSession(a, NOW + 20 * 60_000).state).toBe("active");
    expect(lookupFollowSession(a, NOW + 40 * 60_000).state).toBe("active");
    expect(lookupFollowSession(a, NOW + 60 * 60_000).state).toBe("active");
  });

  it("ends after 30 minutes idle, and after 8 hours in any case", () => {
    const idle = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    expect(lookupFollowSession(idle, NOW + IDLE_MS + 1)).toEqual({ state: "expired", caseId: ids[0] });
    expect(lookupFollowSession(idle, NOW + 1)).toEqual({ state: "expired" }); // gone for good

    const busy = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    let t = NOW;
    while (t + 10 * 60_000 < NOW + MAX_AGE_MS) {
      t += 10 * 60_000;
      expect(lookupFollowSession(busy, t).state).toBe("active");
    }
    expect(lookupFollowSession(busy, NOW + MAX_AGE_MS + 1).state).toBe("expired");
  });

  it('tells how long it lasts without using it, and "I\'m still here" starts the idle time again', () => {
    const request = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    expect(followSessionEndsInMs(request, NOW + 20 * 60_000)).toBe(10 * 60_000);
    expect(followSessionEndsInMs(request, NOW + 25 * 60_000)).toBe(5 * 60_000); // asking did not extend it
    expect(extendFollowSession(request, NOW + 25 * 60_000)).toBe(IDLE_MS);
    expect(followSessionEndsInMs(request, NOW + 50 * 60_000)).toBe(5 * 60_000);
    // Never past the 8 hours.
    expect(extendFollowSession(request, NOW + MAX_AGE_MS - 60_000)).toBeNull(); // idle since minute 25
    const busy = requestWith(startFollowSession(requestWith(), ids[1]!, NOW));
    for (let t = NOW; t < NOW + MAX_AGE_MS - 60_000; t += 20 * 60_000) extendFollowSession(busy, t);
    expect(extendFollowSession(busy, NOW + MAX_AGE_MS - 60_000)).toBe(60_000);
    expect(extendFollowSession(busy, NOW + MAX_AGE_MS + 1)).toBeNull();
    expect(followSessionEndsInMs(busy, NOW + MAX_AGE_MS + 1)).toBeNull();
  });

  it("keeps an ended session's case for a message sent after the end, until a request has seen it", () => {
    const request = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    expect(sweepFollowSessions(undefined, NOW + IDLE_MS + 60 * 60_000)).toBe(0);
    expect(lookupFollowSession(request, NOW + IDLE_MS + 60 * 60_000)).toEqual({
      state: "expired",
      caseId: ids[0],
    });
    const later = requestWith(startFollowSession(requestWith(), ids[1]!, NOW));
    expect(sweepFollowSessions(undefined, NOW + IDLE_MS + 25 * 60 * 60_000)).toBe(1);
    expect(lookupFollowSession(later, NOW + IDLE_MS + 25 * 60 * 60_000)).toEqual({ state: "expired" });
  });

  it("ends on sign out, on the quick exit, and for every browser when the case is erased", () => {
    const signOut = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    expect(endFollowSession(signOut)).toMatch(/^ap_follow=; .*Max-Age=0/);
    expect(lookupFollowSession(signOut, NOW).state).toBe("expired");

    const exit = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    endReporterSession(exit);
    expect(lookupFollowSession(exit, NOW).state).toBe("expired");

    const one = requestWith(startFollowSession(requestWith(), ids[2]!, NOW));
    const two = requestWith(startFollowSession(requestWith(), ids[2]!, NOW));
    const other = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    eraseCase(ids[2]!, { actor: "reporter" });
    expect(lookupFollowSession(one, NOW).state).toBe("expired");
    expect(lookupFollowSession(two, NOW).state).toBe("expired");
    expect(lookupFollowSession(other, NOW).state).toBe("active");
  });

  it("a new sign-in replaces the browser's old session; made-up tokens open nothing", () => {
    const first = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    startFollowSession(first, ids[1]!, NOW);
    expect(lookupFollowSession(first, NOW).state).toBe("expired");
    expect(lookupFollowSession(requestWith(`ap_follow=${"A".repeat(43)}`), NOW)).toEqual({
      state: "expired",
    });
    expect(lookupFollowSession(requestWith(), NOW)).toEqual({ state: "none" });
  });

  it("survives a restart: a new connection to the same file finds the session", () => {
    const request = requestWith(startFollowSession(requestWith(), ids[0]!, NOW));
    const restarted = openDatabase(file);
    expect(lookupFollowSession(request, NOW + 1000, restarted)).toMatchObject({
      state: "active",
      session: { caseId: ids[0] },
    });
    const stored = JSON.stringify(restarted.$client.prepare("SELECT * FROM follow_sessions").all());
    expect(stored).not.toContain(request.headers.get("Cookie")!.split("=")[1]);
    restarted.$client.close();
  });
});
