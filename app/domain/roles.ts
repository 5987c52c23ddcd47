/**
 * What each staff role may do. The server checks these for every staff loader and action
 * (requireStaff in app/server/staff-session.server.ts); the navigation only mirrors them.
 */
import { staffRoles, type StaffRole } from "./vocabulary";

export { staffRoles };
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (staffRoles as readonly string[]).includes(value);
}

export const permissions = [
  "cases.read",
  "cases.handle",
  "team.manage",
  "audit.read",
  "statistics.read",
  "settings.manage",
  "organisations.manage",
  "mail.manage",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<StaffRole, readonly Permission[]> = {
  ombudsworker: ["cases.read", "cases.handle"],
  coordinator: [
    "cases.read",
    "cases.handle",
    "team.manage",
    "audit.read",
    "statistics.read",
    "settings.manage",
    "organisations.manage",
    "mail.manage",
  ],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export type StaffNavItem =
  "queue" | "entry" | "statistics" | "team" | "organisations" | "mail" | "audit" | "settings";

const navPermission: Record<StaffNavItem, Permission> = {
  queue: "cases.read",
  entry: "cases.handle",
  statistics: "statistics.read",
  team: "team.manage",
  organisations: "organisations.manage",
  mail: "mail.manage",
  audit: "audit.read",
  settings: "settings.manage",
};

/** The staff navigation a role gets, in display order. */
export function navFor(role: StaffRole): StaffNavItem[] {
  return (Object.keys(navPermission) as StaffNavItem[]).filter((item) => can(role, navPermission[item]));
}

/**
 * Whether `actor` may change `target`'s role or deactivate them. A coordinator never does this to their
 * own account, so the team can never lock itself out by accident.
 */
export function mayManageAccount(actor: { id: number; role: StaffRole }, target: { id: number }): boolean {
  return can(actor.role, "team.manage") && actor.id !== target.id;
}
