import type { Resource } from "i18next";
import type { Language, Namespace } from "./config";
import { createI18n } from "./instance";

// Static imports: the server always has both languages in memory.
import enCommon from "../../locales/en/common.json";
import enErrors from "../../locales/en/errors.json";
import enFollow from "../../locales/en/follow.json";
import enIntake from "../../locales/en/intake.json";
import enPages from "../../locales/en/pages.json";
import enReports from "../../locales/en/reports.json";
import enReferral from "../../locales/en/referral.json";
import enStaff from "../../locales/en/staff.json";
import nlCommon from "../../locales/nl/common.json";
import nlErrors from "../../locales/nl/errors.json";
import nlFollow from "../../locales/nl/follow.json";
import nlIntake from "../../locales/nl/intake.json";
import nlPages from "../../locales/nl/pages.json";
import nlReports from "../../locales/nl/reports.json";
import nlReferral from "../../locales/nl/referral.json";
import nlStaff from "../../locales/nl/staff.json";

export const resources = {
  nl: {
    common: nlCommon,
    pages: nlPages,
    errors: nlErrors,
    intake: nlIntake,
    follow: nlFollow,
    staff: nlStaff,
    reports: nlReports,
    referral: nlReferral,
  },
  en: {
    common: enCommon,
    pages: enPages,
    errors: enErrors,
    intake: enIntake,
    follow: enFollow,
    staff: enStaff,
    reports: enReports,
    referral: enReferral,
  },
} satisfies Record<Language, Record<Namespace, unknown>> as Resource;

export function serverI18n(lng: Language) {
  return createI18n(lng, resources);
}

/** A translate function for loaders, actions and mails. */
export function getFixedT(lng: Language, ns: Namespace = "common") {
  return serverI18n(lng).getFixedT(lng, ns);
}
