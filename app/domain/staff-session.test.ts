import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_TIMEOUT_MS,
  cookieMaxAgeSeconds,
  IDLE_TIMEOUT_MS,
  PENDING_TIMEOUT_MS,
  returnPathOf,
  sessionEndsAt,
  sessionState,
  safeStaffPath,
  shouldTouch,
} from "./staff-session";

const t0 = Date.UTC(2025, 2, 3, 9, 0);
const active = { verified: true, createdAt: t0, lastSeenAt: t0, revokedAt: null };

describe("staff session expiry", () => {
  it("is active right after sign-in and while in use", () => {
    expect(sessionState(active, t0)).toBe("active");
    expect(sessionState({ ...active, lastSeenAt: t0 + 11 * 3600_000 }, t0 + 11.4 * 3600_000)).toBe("active");
  });

  it("ends after 30 minutes without a request", () => {
    expect(sessionState(active, t0 + IDLE_TIMEOUT_MS)).toBe("active");
    expect(sessionState(active, t0 + IDLE_TIMEOUT_MS + 1)).toBe("idle");
  });

  it("ends 12 hours after sign-in even when in constant use", () => {
    const busy = { ...active, lastSeenAt: t0 + ABSOLUTE_TIMEOUT_MS };
    expect(sessionState(busy, t0 + ABSOLUTE_TIMEOUT_MS)).toBe("active");
    expect(sessionState(busy, t0 + ABSOLUTE_TIMEOUT_MS + 1)).toBe("expired");
  });

  it("ends at once when revoked (sign-out, deactivation, second-factor reset)", () => {
    expect(sessionState({ ...active, revokedAt: t0 + 1 }, t0 + 2)).toBe("revoked");
  });

  it("gives a signed-in-with-password-only session 10 minutes for the code", () => {
    const pending = { ...active, verified: false };
    expect(sessionState(pending, t0 + PENDING_TIMEOUT_MS)).toBe("pending");
    expect(sessionState(pending, t0 + PENDING_TIMEOUT_MS + 1)).toBe("expired");
  });

  it("writes lastSeenAt at most once a minute", () => {
    expect(shouldTouch(t0, t0 + 59_000)).toBe(false);
    expect(shouldTouch(t0, t0 + 60_000)).toBe(true);
  });

  it("never lets the cookie outlive the session", () => {
    expect(cookieMaxAgeSeconds(active, t0)).toBe(12 * 3600);
    expect(cookieMaxAgeSeconds(active, t0 + ABSOLUTE_TIMEOUT_MS + 5000)).toBe(0);
    expect(cookieMaxAgeSeconds({ verified: false, createdAt: t0 }, t0)).toBe(600);
  });
});

describe("where to go after signing in", () => {
  it("keeps staff pages", () => {
    expect(safeStaffPath("/medewerker/zaken/12")).toBe("/medewerker/zaken/12");
    expect(safeStaffPath("/medewerker?kind=complaint&page=2")).toBe("/medewerker?kind=complaint&page=2");
  });

  it("refuses anything else, and the sign-in pages themselves", () => {
    for (const bad of [
      null,
      "",
      "https://evil.example/medewerker",
      "//evil.example",
      "/medewerker//evil.example",
      "/medewerker\\evil",
      "/medewerkers",
      "/volgen",
      "/medewerker/inloggen/code",
      "/medewerker/uitloggen",
    ]) {
      expect(safeStaffPath(bad)).toBe("/medewerker");
    }
  });
});

describe("when the session's timer says it ends", () => {
  it("30 minutes after the last use, but never after the 12 hours", () => {
    expect(sessionEndsAt({ createdAt: t0, lastSeenAt: t0 + 60_000 })).toBe(t0 + 60_000 + IDLE_TIMEOUT_MS);
    const late = t0 + ABSOLUTE_TIMEOUT_MS - 10 * 60_000;
    expect(sessionEndsAt({ createdAt: t0, lastSeenAt: late })).toBe(t0 + ABSOLUTE_TIMEOUT_MS);
  });
});

describe("the page to come back to after signing in again", () => {
  it("is the page of a form post, without Remix's own parameters", () => {
    const at = (path: string) => returnPathOf(new URL(`http://localhost${path}`));
    expect(at("/medewerker/zaken/12?terug=%2Fmedewerker%3Fkind%3Dcomplaint")).toBe(
      "/medewerker/zaken/12?terug=%2Fmedewerker%3Fkind%3Dcomplaint",
    );
    expect(at("/medewerker?index&kind=complaint")).toBe("/medewerker?kind=complaint");
    expect(at("/medewerker/zaken/12?_data=routes%2Fx&_routes=a")).toBe("/medewerker/zaken/12");
    expect(at("/medewerker/inloggen/code")).toBe("/medewerker");
  });
});
