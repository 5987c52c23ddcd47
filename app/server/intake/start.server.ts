/** The start page of an intake, and a staff member starting one on someone's behalf. */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { IntakeKind } from "~/domain/intake/answers";
import { checkPath, confirmationPath, firstIncompleteStep, stepPath } from "~/domain/intake/steps";
import type { EnteredBy } from "~/domain/new-case";
import { audit } from "../audit.server";
import { getDb } from "../db.server";
import { createDraft, hasDraftCookie, readDraft } from "../drafts.server";
import { IMMEDIATE } from "../tx.server";

/**
 * A staff member starts an intake for someone on the phone or at a visit (ADR 040): a fresh draft in this
 * browser that records who enters it and how. Returns the draft cookie.
 */
export function startEntryOnBehalf(enteredBy: EnteredBy, kind: IntakeKind, now = Date.now()): string {
  return getDb().transaction((tx) => {
    const { setCookie } = createDraft(kind, { answers: {}, done: [], enteredBy }, now, tx);
    audit(
      tx,
      {
        action: "case_entry_started",
        staffId: enteredBy.staffId,
        detail: { kind, channel: enteredBy.channel },
      },
      now,
    );
    return setCookie;
  }, IMMEDIATE);
}

// ---------------------------------------------------------------- start page

export function startLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const draft = readDraft(request);
  const receipt = draft?.data.receipt;
  let resumeHref: string | null = null;
  if (draft && !receipt && draft.data.done.length > 0) {
    const open = firstIncompleteStep({ ...draft.data, kind });
    resumeHref = open ? stepPath(kind, open) : checkPath(kind);
  }
  return json({
    kind,
    firstStepHref: stepPath(kind, "who"),
    resumeHref,
    receiptHref: receipt ? confirmationPath(receipt.kind) : null,
    expired: !draft && hasDraftCookie(request),
  });
}
