import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { contactFirstPageHandle, contactStepLinks } from "~/components/contact/route-parts";
import { ContactStepPage } from "~/components/contact/StepPage";
import { contactStepAction, contactStepLoader } from "~/server/contact-steps.server";

/** "I'd rather talk: call me": the contact request of a young person, who need not write their story. */
export const handle = contactFirstPageHandle;
export const links = contactStepLinks;
export const loader = (args: LoaderFunctionArgs) =>
  contactStepLoader({ step: "name", who: "young_person" }, args);
export const action = (args: ActionFunctionArgs) =>
  contactStepAction({ step: "name", who: "young_person" }, args);
export default ContactStepPage;
