/**
 * The contact request's pages, one question each (ADR 037), for the browser tests: how to answer each
 * page the way a person does (by label), and where each page lives.
 */
import { type Page } from "@playwright/test";
import { expect } from "./expect";
import { text } from "./follow-helpers";

type Lng = "nl" | "en";

export type ContactInput = {
  name?: string;
  relation?: string;
  phone?: string;
  email?: string;
  safeTimes?: string;
  mayLeaveMessage?: "yes" | "no";
  question?: string;
  youngPersonKnows?: "yes" | "no" | "unknown";
  urgent?: "yes" | "no";
};

export type ContactPageId = "name" | "relation" | "reach" | "call" | "question" | "knows" | "urgent";

export const contactPagePath: Record<Exclude<ContactPageId, "name">, RegExp> = {
  relation: /\/contact\/relatie(\?|$)/,
  reach: /\/contact\/bereiken(\?|$)/,
  call: /\/contact\/bellen(\?|$)/,
  question: /\/contact\/vraag(\?|$)/,
  knows: /\/contact\/weet-ervan(\?|$)/,
  urgent: /\/contact\/dringend(\?|$)/,
};

/** Ticks a radio in a group, both named by their labels (the control sits behind its styled label). */
export async function pick(page: Page, group: string, option: string) {
  const radio = page
    .getByRole("radiogroup", { name: group })
    .getByRole("radio", { name: option, exact: true });
  await radio.check({ force: true });
  await expect(radio).toBeChecked();
}

export async function continueContact(page: Page, lng: Lng) {
  await page.getByRole("button", { name: text(lng, "contact.continue"), exact: true }).click();
}

/** Fills one page with the input's answers for it (what is not given stays as it is). */
export async function fillContactPage(page: Page, lng: Lng, id: ContactPageId, a: ContactInput) {
  const t = (key: string) => text(lng, key);
  switch (id) {
    case "name":
      // The page's only text field (the honeypot is hidden from everyone).
      if (a.name !== undefined) await page.getByRole("textbox").fill(a.name);
      return;
    case "relation":
      if (a.relation)
        await pick(page, t("contact.details.relation.label"), t(`contact.relations.${a.relation}`));
      return;
    case "reach":
      if (a.phone !== undefined) {
        await pick(page, t("contact.details.title"), t("contact.reach.options.phone"));
        await page.getByLabel(t("contact.details.phone.label")).fill(a.phone);
      } else if (a.email !== undefined) {
        await pick(page, t("contact.details.title"), t("contact.reach.options.email"));
        await page.getByLabel(t("contact.details.email.label")).fill(a.email);
      }
      return;
    case "call":
      if (a.safeTimes !== undefined)
        await page.getByLabel(t("contact.details.safeTimes.label")).fill(a.safeTimes);
      if (a.mayLeaveMessage)
        await pick(
          page,
          t("contact.details.mayLeaveMessage.label"),
          t(`contact.answers.${a.mayLeaveMessage}`),
        );
      return;
    case "question":
      if (a.question !== undefined) await page.getByRole("textbox").fill(a.question);
      return;
    case "knows":
      if (a.youngPersonKnows)
        await pick(
          page,
          t("contact.question.youngPersonKnows.label"),
          t(`contact.answers.${a.youngPersonKnows}`),
        );
      return;
    case "urgent":
      if (a.urgent)
        await pick(page, t("contact.question.urgent.label"), t(`contact.question.urgent.${a.urgent}`));
      return;
  }
}

/** The pages a person gets: someone close is asked about the young person; the call page needs a phone. */
export function contactPages(who: "close" | "young_person", a: ContactInput): ContactPageId[] {
  return (["name", "relation", "reach", "call", "question", "knows", "urgent"] as const).filter(
    (id) =>
      !(who === "young_person" && (id === "relation" || id === "knows")) && !(id === "call" && !a.phone),
  );
}

/**
 * Answers every page from the current one (the first page, opened by the caller) to the check page,
 * checking "Question N" on each.
 */
export async function answerContact(page: Page, lng: Lng, who: "close" | "young_person", a: ContactInput) {
  const pages = contactPages(who, a);
  for (const [i, id] of pages.entries()) {
    if (id !== "name") await expect(page).toHaveURL(contactPagePath[id]);
    await expect(
      page.getByText(text(lng, "contact.progress", { number: String(i + 1) }), { exact: true }),
    ).toBeVisible();
    await fillContactPage(page, lng, id, a);
    await continueContact(page, lng);
  }
  await expect(page).toHaveURL(/\/contact\/controleren$/);
}
