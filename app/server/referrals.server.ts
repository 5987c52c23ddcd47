/**
 * TEMPORARY, for one import only: the case page (app/routes/medewerker.zaken.$caseId.tsx) is being split
 * on another branch at the same time, so it keeps this path until both land. The referral code lives in
 * app/server/referrals/; point that import at ./referrals/case-panel.server and delete this file.
 */
export { referralPanel } from "./referrals/case-panel.server";
