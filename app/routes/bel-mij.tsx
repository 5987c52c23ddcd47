import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ContactDetailsPage } from "~/components/contact/DetailsPage";
import type { RouteHandle } from "~/route-handle";
import { contactDetailsAction, contactDetailsLoader } from "~/server/contact-details.server";
import followStyles from "~/styles/follow.css?url";

/** "I'd rather talk: call me": the contact request of a young person, who need not write their story. */
export const handle: RouteHandle = { title: "follow:contact.details.title", languageForm: "contact-details" };
export const links = () => [{ rel: "stylesheet", href: followStyles }];
export const loader = (args: LoaderFunctionArgs) => contactDetailsLoader("young_person", args);
export const action = (args: ActionFunctionArgs) => contactDetailsAction("young_person", args);
export default ContactDetailsPage;
