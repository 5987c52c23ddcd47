import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { stepHandle } from "~/components/intake/route-parts";
import { StepPage } from "~/components/intake/StepPage";
import { stepAction, stepLoader } from "~/server/intake/step.server";

export const handle = stepHandle;
export const loader = (args: LoaderFunctionArgs) => stepLoader("complaint", args);
export const action = (args: ActionFunctionArgs) => stepAction("complaint", args);
export default StepPage;
