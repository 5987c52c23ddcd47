import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { contactStepHandle, contactStepLinks } from "~/components/contact/route-parts";
import { ContactStepPage } from "~/components/contact/StepPage";
import { contactStepFromSlug } from "~/domain/contact-request";
import { contactStepAction, contactStepLoader, type StepOf } from "~/server/contact-steps.server";

/** The contact request's later pages (/contact/relatie, /contact/bereiken, …), for both askers. */
export const handle = contactStepHandle;
export const links = contactStepLinks;

function stepOf(slug: string | undefined): StepOf {
  const step = contactStepFromSlug(slug);
  if (!step || step === "name") throw new Response("Not found", { status: 404 });
  return { step };
}

export const loader = (args: LoaderFunctionArgs) => contactStepLoader(stepOf(args.params.step), args);
export const action = (args: ActionFunctionArgs) => contactStepAction(stepOf(args.params.step), args);
export default ContactStepPage;
