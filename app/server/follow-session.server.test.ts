import { describe, expect, it } from "vitest";
import {
  endFollowSession,
  endSessionsOfCase,
  IDLE_MS,
  lookupFollowSession,
  MAX_AGE_MS,
  startFollowSession,
} from "./follow-session.server";
import { endReporterSession } from "./reporter-session.server";

const NOW = 1_800_000_000_000;

function requestWith(setCookie?: string) {
  const cookie = setCookie?.split(";")[0];
  return new Request("http://localhost/volgen/zaak", { headers: cookie ? { Cookie: cookie } : {} });
}

describe("follow sessions", () => {
  it("sets an httpOnly, strict, session-only cookie holding a random token, not the case", () => {
    const header = startFollowSession(requestWith(), 42, NOW);
    expect(header).toMatch(/^ap_follow=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(header).not.toContain("42");
  });

  it("opens only its own case and stays alive while used", () => {
    const a = requestWith(startFollowSession(requestWith(), 1, NOW));
    const b = requestWith(startFollowSession(requestWith(), 2, NOW));
    expect(lookupFollowSession(a, NOW + 1000)).toEqual({ state: "active", session: { caseId: 1 } });
    expect(lookupFollowSession(b, NOW + 1000)).toEqual({ state: "active", session: { caseId: 2 } });
    // Used every 20 minutes: still alive after an hour.
    expect(lookupFollowSession(a, NOW + 20 * 60_000).state).toBe("active");
    expect(lookupFollowSession(a, NOW + 40 * 60_000).state).toBe("active");
    expect(lookupFollowSession(a, NOW + 60 * 60_000).state).toBe("active");
  });

  it("ends after 30 minutes idle, and after 8 hours in any case", () => {
    const idle = requestWith(startFollowSession(requestWith(), 1, NOW));
    expect(lookupFollowSession(idle, NOW + IDLE_MS + 1)).toEqual({ state: "expired" });
    expect(lookupFollowSession(idle, NOW + 1)).toEqual({ state: "expired" }); // gone for good

    const busy = requestWith(startFollowSession(requestWith(), 1, NOW));
    let t = NOW;
    while (t + 10 * 60_000 < NOW + MAX_AGE_MS) {
      t += 10 * 60_000;
      expect(lookupFollowSession(busy, t).state).toBe("active");
    }
    expect(lookupFollowSession(busy, NOW + MAX_AGE_MS + 1).state).toBe("expired");
  });

  it("ends on sign out, on the quick exit, and for every browser when the case is erased", () => {
    const signOut = requestWith(startFollowSession(requestWith(), 1, NOW));
    expect(endFollowSession(signOut)).toMatch(/^ap_follow=; .*Max-Age=0/);
    expect(lookupFollowSession(signOut, NOW).state).toBe("expired");

    const exit = requestWith(startFollowSession(requestWith(), 1, NOW));
    endReporterSession(exit);
    expect(lookupFollowSession(exit, NOW).state).toBe("expired");

    const one = requestWith(startFollowSession(requestWith(), 7, NOW));
    const two = requestWith(startFollowSession(requestWith(), 7, NOW));
    const other = requestWith(startFollowSession(requestWith(), 8, NOW));
    endSessionsOfCase(7);
    expect(lookupFollowSession(one, NOW).state).toBe("expired");
    expect(lookupFollowSession(two, NOW).state).toBe("expired");
    expect(lookupFollowSession(other, NOW).state).toBe("active");
  });

  it("a new sign-in replaces the browser's old session; made-up tokens open nothing", () => {
    const first = requestWith(startFollowSession(requestWith(), 1, NOW));
    startFollowSession(first, 2, NOW);
    expect(lookupFollowSession(first, NOW).state).toBe("expired");
    expect(lookupFollowSession(requestWith(`ap_follow=${"A".repeat(43)}`), NOW)).toEqual({
      state: "expired",
    });
    expect(lookupFollowSession(requestWith(), NOW)).toEqual({ state: "none" });
  });
});
