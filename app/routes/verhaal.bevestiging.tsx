import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { RouteHandle } from "~/route-handle";
import { ConfirmationPage } from "~/components/intake/ConfirmationPage";
import { confirmationHandle } from "~/components/intake/route-parts";
import { confirmationAction, confirmationLoader } from "~/server/intake/finish.server";

export const handle: RouteHandle = { ...confirmationHandle, hydrate: false };
export const loader = (args: LoaderFunctionArgs) => confirmationLoader("testimony", args);
export const action = (args: ActionFunctionArgs) => confirmationAction("testimony", args);
export default ConfirmationPage;
