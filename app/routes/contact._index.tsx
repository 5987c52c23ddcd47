import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { contactFirstPageHandle, contactStepLinks } from "~/components/contact/route-parts";
import { ContactStepPage } from "~/components/contact/StepPage";
import { contactStepAction, contactStepLoader } from "~/server/contact-steps.server";

/** The contact request of someone close to a young person: its first page, the name. */
export const handle = contactFirstPageHandle;
export const links = contactStepLinks;
export const loader = (args: LoaderFunctionArgs) => contactStepLoader({ step: "name", who: "close" }, args);
export const action = (args: ActionFunctionArgs) => contactStepAction({ step: "name", who: "close" }, args);
export default ContactStepPage;
