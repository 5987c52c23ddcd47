import type { IntakeKind } from "~/domain/intake/answers";

/** i18next context: keys ending in `_complaint` word things for a complaint, the plain key for a story. */
export const kindContext = (kind: IntakeKind) => (kind === "complaint" ? "complaint" : undefined);
