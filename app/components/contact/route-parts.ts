/** What the contact request's question routes share besides their loaders: title, language form, styles. */
import type { ContactStep, ContactWho } from "~/domain/contact-request";
import type { RouteHandle } from "~/route-handle";
import followStyles from "~/styles/follow.css?url";
import intakeStyles from "~/styles/intake.css?url";
import { contactStepTitleKey } from "./StepPage";

type StepData = { who: ContactWho; step: ContactStep } | undefined;

/**
 * The page title is the question, as in the <h1>. The pages do not hydrate (ADR 042): each form posts as
 * without JavaScript, the language switch is a button of the page's form either way, and the reach page's
 * conditional reveal, the question's counter and the error summary's focus come from app/enhance.
 */
export const contactStepHandle: RouteHandle = {
  hydrate: false,
  title: (t, data) => {
    const d = data as StepData;
    return t(contactStepTitleKey(d?.step ?? "name", d?.who === "young_person"));
  },
  languageForm: "contact-step",
};

/** The first page (/contact, /bel-mij), one text field: no different from the later pages now. */
export const contactFirstPageHandle: RouteHandle = contactStepHandle;

// The intake's styles carry the conditional reveal of the "reach" page.
export const contactStepLinks = () => [
  { rel: "stylesheet", href: followStyles },
  { rel: "stylesheet", href: intakeStyles },
];
