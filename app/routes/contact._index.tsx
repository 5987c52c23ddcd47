import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ContactDetailsPage } from "~/components/contact/DetailsPage";
import type { RouteHandle } from "~/route-handle";
import { contactDetailsAction, contactDetailsLoader } from "~/server/contact-details.server";
import followStyles from "~/styles/follow.css?url";

/** The contact request of someone close to a young person. */
export const handle: RouteHandle = { title: "follow:contact.details.title", languageForm: "contact-details" };
export const links = () => [{ rel: "stylesheet", href: followStyles }];
export const loader = (args: LoaderFunctionArgs) => contactDetailsLoader("close", args);
export const action = (args: ActionFunctionArgs) => contactDetailsAction("close", args);
export default ContactDetailsPage;
