/**
 * Who runs the Aanspreekpunt: the organisation, how to reach its people and how staff sign their
 * messages. One place, filled from the environment (OPERATOR_*, see .env.example) and validated at start
 * with the rest of the configuration (env.server.ts). Pure: the root loader hands it to every page.
 *
 * The defaults are placeholders that cannot be mistaken for the real thing: an organisation called
 * "Voorbeeldorganisatie", an address on "Voorbeeldstraat", a phone number no Dutch subscriber can have
 * (subscriber numbers never start with 0: 030 000 0000 rings nowhere) and a mailbox on the reserved
 * example.nl domain. Set every OPERATOR_* variable before real use.
 */
export type Operator = {
  /** The organisation that runs the service, e.g. "Stichting …". */
  name: string;
  /** Postal address on one line. */
  address: string;
  /** The phone number as people read it. */
  phone: string;
  /** Opening hours of the phone, "09:00-17:00" on working days. */
  hoursFrom: string;
  hoursTo: string;
  /** A mailbox for questions and accessibility feedback (not the story form). */
  email: string;
  /** How staff messages are signed after the staff member's first name, e.g. "Aanspreekpunt ZIKOS". */
  signature: string;
};

export const operatorDefaults = {
  OPERATOR_NAME: "Voorbeeldorganisatie",
  OPERATOR_ADDRESS: "Voorbeeldstraat 1, 1234 AB Utrecht",
  OPERATOR_PHONE: "030 000 0000",
  OPERATOR_HOURS: "09:00-17:00",
  OPERATOR_EMAIL: "aanspreekpunt@example.nl",
  OPERATOR_SIGNATURE: "Aanspreekpunt ZIKOS",
} as const;

/** The OPERATOR_* variables after validation (env.server.ts checks them; no validator here, so the
 * browser bundle that shows the operator carries no zod). */
export type OperatorEnv = Record<keyof typeof operatorDefaults, string>;

export function toOperator(e: OperatorEnv): Operator {
  const [hoursFrom = "", hoursTo = ""] = e.OPERATOR_HOURS.split("-");
  return {
    name: e.OPERATOR_NAME,
    address: e.OPERATOR_ADDRESS,
    phone: e.OPERATOR_PHONE,
    hoursFrom,
    hoursTo,
    email: e.OPERATOR_EMAIL,
    signature: e.OPERATOR_SIGNATURE,
  };
}

/** A tel: link for a number as people write it ("030 000 0000" → "tel:0300000000"). */
export const phoneHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, "")}`;

/**
 * The signature of a staff message: the writer's first name with the service, or the service alone
 * when the writer is not known (an account removed since). Only the first name: a reporter needs a
 * person to talk to, not a full name staff may not want to give.
 */
export function staffFirstName(fullName: string | null | undefined): string | null {
  const first = fullName?.trim().split(/\s+/)[0];
  return first ? first : null;
}
