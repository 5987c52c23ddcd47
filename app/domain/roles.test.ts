import { describe, expect, it } from "vitest";
import { can, isStaffRole, mayManageAccount, navFor, permissions } from "./roles";

describe("roles", () => {
  it("lets an ombudsworker read and handle cases, nothing else", () => {
    expect(can("ombudsworker", "cases.read")).toBe(true);
    expect(can("ombudsworker", "cases.handle")).toBe(true);
    expect(can("ombudsworker", "team.manage")).toBe(false);
    expect(can("ombudsworker", "audit.read")).toBe(false);
    expect(can("ombudsworker", "organisations.manage")).toBe(false);
    expect(can("ombudsworker", "mail.manage")).toBe(false);
  });

  it("lets a coordinator do everything", () => {
    for (const p of permissions) expect(can("coordinator", p)).toBe(true);
  });

  it("shows each role only the navigation it may use", () => {
    expect(navFor("ombudsworker")).toEqual(["queue", "entry"]);
    expect(navFor("coordinator")).toEqual([
      "queue",
      "entry",
      "statistics",
      "team",
      "organisations",
      "mail",
      "audit",
      "settings",
    ]);
  });

  it("lets a coordinator manage other accounts but never their own", () => {
    expect(mayManageAccount({ id: 1, role: "coordinator" }, { id: 2 })).toBe(true);
    expect(mayManageAccount({ id: 1, role: "coordinator" }, { id: 1 })).toBe(false);
    expect(mayManageAccount({ id: 1, role: "ombudsworker" }, { id: 2 })).toBe(false);
  });

  it("knows a role from anything else", () => {
    expect(isStaffRole("coordinator")).toBe(true);
    expect(isStaffRole("admin")).toBe(false);
  });
});
