/**
 * TEMPORARY, for one import only: the case page (app/routes/medewerker.zaken.$caseId.tsx) is being split
 * on another branch at the same time, so it keeps this path until both land. The staff account code lives
 * in app/server/staff-accounts/; point that import at ./staff-accounts/team.server and delete this file.
 */
export { activeStaff, staffNames } from "./staff-accounts/team.server";
