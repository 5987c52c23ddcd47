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

/** Message keys per field → messages in the reader's language. */
export function translateErrors(
  keys: Record<string, string>,
  t: (key: string, opts?: Record<string, unknown>) => string,
  opts: Record<string, unknown> = {},
): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key, opts)]));
}
