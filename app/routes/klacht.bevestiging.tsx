import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ConfirmationPage } from "~/components/intake/ConfirmationPage";
import { confirmationHandle } from "~/components/intake/route-parts";
import { confirmationAction, confirmationLoader } from "~/server/intake/finish.server";

export const handle = confirmationHandle;
export const loader = (args: LoaderFunctionArgs) => confirmationLoader("complaint", args);
export const action = (args: ActionFunctionArgs) => confirmationAction("complaint", args);
export default ConfirmationPage;
