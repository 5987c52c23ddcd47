import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptFileLoader } from "~/server/intake.server";

/** The receipt as a .txt download (a resource route: no page around it). */
export const loader = (args: LoaderFunctionArgs) => receiptFileLoader("complaint", args);
