import type { IntakeKind } from "~/domain/intake/answers";
import type { ReporterRole } from "~/domain/new-case";

/** i18next context: keys ending in `_complaint` word things for a complaint, the plain key for a story. */
export const kindContext = (kind: IntakeKind) => (kind === "complaint" ? "complaint" : undefined);

/**
 * i18next context by who is telling: keys ending in `_close` (a relative or friend) or `_other` (someone
 * else) ask about the young person instead of "you" (are they safe, help for yourself).
 */
export const roleContext = (role: ReporterRole | null | undefined) =>
  role === "close" || role === "other" ? role : undefined;
