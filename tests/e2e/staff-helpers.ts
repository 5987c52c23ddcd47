import { type Page } from "@playwright/test";
import { expect } from "./expect";
import { codeFor, type TestStaff } from "../helpers/seed-cases";

export type Lng = "nl" | "en";

/** Opens a page and waits until the browser has loaded its scripts (forms keep what is typed). */
export async function open(page: Page, path: string, lng: Lng) {
  const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
  await page.waitForLoadState("networkidle");
  return response;
}

export const label = {
  email: { nl: "E-mailadres", en: "Email address" },
  password: { nl: "Wachtwoord", en: "Password" },
  continue: { nl: "Verder", en: "Continue" },
  code: { nl: "Code uit de app", en: "Code from the app" },
  signIn: { nl: "Inloggen", en: "Sign in" },
  signOut: { nl: "Uitloggen", en: "Sign out" },
  queue: { nl: "Wachtrij", en: "Queue" },
  errorPrefix: { nl: "Fout: ", en: "Error: " },
} as const;

/** Signs in through the two sign-in pages. `step` picks the TOTP time step (0 now, 1 the next). */
export async function signIn(page: Page, staff: TestStaff, lng: Lng, step = 0, next?: string) {
  await open(page, `/medewerker/inloggen${next ? `?volgende=${encodeURIComponent(next)}` : ""}`, lng);
  await page.getByLabel(label.email[lng]).fill(staff.email);
  await page.getByLabel(label.password[lng], { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: label.continue[lng] }).click();
  await expect(page).toHaveURL(/\/medewerker\/inloggen\/code/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel(label.code[lng]).fill(codeFor(staff.totpSecret, step));
  await page.getByRole("button", { name: label.signIn[lng], exact: true }).click();
  await expect(page).not.toHaveURL(/inloggen/);
}

/** The title starts with "Fout: " or "Error: " when the page shows validation errors. */
export async function expectErrorTitle(page: Page, lng: Lng) {
  await expect(page).toHaveTitle(new RegExp(`^${label.errorPrefix[lng]}`));
  await expect(page.getByRole("alert")).toBeFocused();
}
