/**
 * Helpers for the referral journeys: staff sign-in with a TOTP code computed in the test, strings from the
 * locale files (tests find things by what people read), the captured referral mail (.eml files the server
 * writes next to its database when SMTP_URL is not set), and the reporter's sign-in on /volgen.
 */
import fs from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect } from "./expect";
import { codeFor, type TestStaff } from "../helpers/seed-cases";
import { enhanced, localeText } from "./helpers";

/** A string from locales/nl/<ns>.json with {{values}} filled in. */
export function text(ns: string, key: string, values: Record<string, string | number> = {}): string {
  return localeText("nl", ns, key, values);
}

/** Signs in through both staff sign-in pages (Dutch). */
export async function signInStaff(page: Page, staff: TestStaff) {
  await page.goto("/medewerker/inloggen?lng=nl");
  await page.waitForLoadState("networkidle");
  await page.getByLabel(text("staff", "signIn.email")).fill(staff.email);
  await page.getByLabel(text("staff", "signIn.password"), { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: text("staff", "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/medewerker\/inloggen\/code/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel(text("staff", "code.label")).fill(codeFor(staff.totpSecret));
  await page.getByRole("button", { name: text("staff", "code.submit"), exact: true }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

const mailFolder = () => path.join(path.dirname(process.env.E2E_DATABASE_URL!), "outbox-mail");

/** The plain text of an .eml file (quoted-printable decoded, headers included). */
function readEml(file: string): string {
  const raw = fs.readFileSync(file, "utf8");
  return /quoted-printable/i.test(raw)
    ? raw.replace(/=\r?\n/g, "").replace(/(?:=[0-9A-F]{2})+/g, (m) =>
        Buffer.from(
          m
            .split("=")
            .slice(1)
            .map((h) => parseInt(h, 16)),
        ).toString("utf8"),
      )
    : raw;
}

/** Waits until the outbox worker has written the mail that mentions `needle`, and returns its text. */
export async function capturedMail(needle: string, since = 0): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const folder = mailFolder();
        if (!fs.existsSync(folder)) return false;
        for (const name of fs.readdirSync(folder)) {
          const file = path.join(folder, name);
          if (fs.statSync(file).mtimeMs < since) continue;
          const mail = readEml(file);
          if (mail.includes(needle)) {
            found = mail;
            return true;
          }
        }
        return false;
      },
      { timeout: 20_000, message: `a mail mentioning ${needle}` },
    )
    .toBe(true);
  return found!;
}

export function linkIn(mail: string): string {
  const m = /https?:\/\/[^\s]+\/verwijzing\/[A-Za-z0-9_.-]+/.exec(mail);
  if (!m) throw new Error("No referral link in the mail");
  return m[0];
}

/** The reporter signs in on /volgen with the code and passphrase from their receipt. */
export async function signInReporter(page: Page, code: string, passphrase: string) {
  await page.goto("/volgen?lng=nl");
  // The sign-in page does not hydrate (ADR 042): type once its script has run.
  await enhanced(page);
  await page.getByLabel(text("follow", "signIn.code.label"), { exact: true }).fill(code);
  await page.getByLabel(text("follow", "signIn.passphrase.label")).fill(passphrase);
  await page.getByRole("button", { name: text("follow", "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/volgen\/zaak$/);
}
