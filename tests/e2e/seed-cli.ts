/**
 * Does in the e2e database what the intake and the back office would do, through the app's own server
 * modules (the staff message through the back office's sendMessage, news mail included), and prints the
 * result as JSON. Run by the follow/contact specs with tsx, which, unlike Playwright's loader, imports the
 * JSON locale files the mail text comes from.
 *
 *   tsx tests/e2e/seed-cli.ts case <nl|en> <staff message>
 *   tsx tests/e2e/seed-cli.ts staff-message <caseId> <text>
 *   tsx tests/e2e/seed-cli.ts close <caseId> <outcome>
 *   tsx tests/e2e/seed-cli.ts referral-link       (a new case referred to the IGJ; prints its link)
 */
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";
import {
  addReferral,
  municipalityId,
  openTestCase,
  organisationId,
  referralLinkFor,
  staffCloses,
  staffMessage,
} from "../helpers/follow-fixtures";

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.SESSION_SECRET = process.env.E2E_SESSION_SECRET;
process.env.DATA_ENCRYPTION_KEY = process.env.E2E_DATA_ENCRYPTION_KEY;
process.env.PUBLIC_URL = process.env.E2E_BASE_URL;

async function main(command: string | undefined, args: string[]): Promise<unknown> {
  switch (command) {
    case "case": {
      const language = args[0] === "en" ? "en" : "nl";
      const c = await openTestCase({ language });
      addReferral(c.caseId, organisationId("igj"), { status: "sent" });
      addReferral(c.caseId, municipalityId("GM0363"), { status: "pending" });
      staffMessage(c.caseId, args[1] ?? "");
      return { caseId: c.caseId, code: formatCaseCode(c.code), passphrase: formatPassphrase(c.passphrase) };
    }
    case "staff-message":
      staffMessage(Number(args[0]), args[1] ?? "");
      return { ok: true };
    case "close":
      staffCloses(Number(args[0]), args[1] ?? "");
      return { ok: true };
    case "referral-link": {
      const c = await openTestCase();
      return { link: referralLinkFor(c.caseId) };
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  (result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
