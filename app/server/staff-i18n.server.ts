import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";

/**
 * Translators for an action's answer: `t` for the staff namespace, `tErr` for the shared error messages.
 * Keys from app/domain/staff-forms.ts are staff keys ("errors.…").
 */
export function staffTranslators(request: Request) {
  const lang = detectLanguage(request);
  return { lang, t: getFixedT(lang, "staff"), tErr: getFixedT(lang, "errors") };
}
