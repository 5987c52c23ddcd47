import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CheckPage } from "~/components/intake/CheckPage";
import { checkHandle } from "~/components/intake/route-parts";
import { checkAction, checkLoader } from "~/server/intake/finish.server";

export const handle = checkHandle;
export const loader = (args: LoaderFunctionArgs) => checkLoader("testimony", args);
export const action = (args: ActionFunctionArgs) => checkAction("testimony", args);
export default CheckPage;
