import type { LoaderFunctionArgs } from "@remix-run/node";
import { startHandle } from "~/components/intake/route-parts";
import { StartPage } from "~/components/intake/StartPage";
import { startLoader } from "~/server/intake/start.server";

export const handle = startHandle;
export const loader = (args: LoaderFunctionArgs) => startLoader("testimony", args);
export default StartPage;
