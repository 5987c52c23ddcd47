/** What the contact request's question routes share besides their loaders: title, language form, styles. */
import type { ContactStep, ContactWho } from "~/domain/contact-request";
import type { RouteHandle } from "~/route-handle";
import followStyles from "~/styles/follow.css?url";
import intakeStyles from "~/styles/intake.css?url";
import { contactStepTitleKey } from "./StepPage";

type StepData = { who: ContactWho; step: ContactStep } | undefined;

/** The page title is the question, as in the <h1>. */
export const contactStepHandle: RouteHandle = {
  title: (t, data) => {
    const d = data as StepData;
    return t(contactStepTitleKey(d?.step ?? "name", d?.who === "young_person"));
  },
  languageForm: "contact-step",
};

/**
 * The first page (/contact, /bel-mij): one text field, and the error summary when it comes back refused.
 * It does not hydrate (ADR 042): the form posts as without JavaScript, the summary takes focus by its
 * `autofocus` and app/enhance/error-summary.ts, and the language switch is a button of this form either
 * way. The later pages hydrate (the reach page's conditional reveal needs the script).
 */
export const contactFirstPageHandle: RouteHandle = { ...contactStepHandle, hydrate: false };

// The intake's styles carry the conditional reveal of the "reach" page.
export const contactStepLinks = () => [
  { rel: "stylesheet", href: followStyles },
  { rel: "stylesheet", href: intakeStyles },
];
