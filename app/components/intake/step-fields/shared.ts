/** What every question's fields get: the step's loader data, the values to show, the errors. */
import type { useLoaderData } from "@remix-run/react";
import type { stepLoader } from "~/server/intake/step.server";

export type StepData = ReturnType<typeof useLoaderData<typeof stepLoader>>;
export type Values = Record<string, string | string[] | undefined>;
export type Errors = Record<string, string>;
export type FieldsProps = { data: StepData; values: Values; errors: Errors };

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
export const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
