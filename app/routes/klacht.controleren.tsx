import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CheckPage } from "~/components/intake/CheckPage";
import { checkHandle } from "~/components/intake/route-parts";
import { checkAction, checkLoader } from "~/server/intake/finish.server";

export const handle = checkHandle;
export const loader = (args: LoaderFunctionArgs) => checkLoader("complaint", args);
export const action = (args: ActionFunctionArgs) => checkAction("complaint", args);
export default CheckPage;
