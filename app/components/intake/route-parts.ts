/** What the /verhaal and /klacht route modules share besides their loaders: titles and the stylesheet. */
import type { IntakeKind } from "~/domain/intake/answers";
import type { RouteHandle } from "~/route-handle";
import intakeStyles from "~/styles/intake.css?url";
import { kindContext } from "./kind";
import { questionKey } from "./questions";

export const intakeLinks = () => [{ rel: "stylesheet", href: intakeStyles }];

type KindData = { kind?: IntakeKind; step?: string; receipt?: unknown } | undefined;

/** The start page holds only text and links: it does not hydrate (ADR 042), its one script is the quick exit. */
export const startHandle: RouteHandle = {
  hydrate: false,
  title: (t, data) =>
    t("intake:start.title", { context: kindContext((data as KindData)?.kind ?? "testimony") }),
};

/**
 * The page title is the question, as in the <h1>. The question pages do not hydrate (ADR 042): the form
 * posts and redirects as without JavaScript; the story's counter, the contact page's conditional reveal,
 * the radios' Tab stop and the error summary's focus come from app/enhance.
 */
export const stepHandle: RouteHandle = {
  hydrate: false,
  languageForm: "intake-step",
  title: (t, data) => {
    const d = data as KindData;
    const key = d?.step ? questionKey[d.step as keyof typeof questionKey] : undefined;
    return key ? t(`intake:${key}`, { context: kindContext(d?.kind ?? "testimony") }) : "";
  },
};

/** "Check your answers": text, change links and one button; it does not hydrate (ADR 042). */
export const checkHandle: RouteHandle = { title: "intake:check.title", hydrate: false };

export const confirmationHandle: RouteHandle = {
  title: (t, data) => {
    const d = data as KindData;
    return d?.receipt
      ? t("intake:confirmation.title", { context: kindContext(d.kind ?? "testimony") })
      : t("intake:confirmation.gone.title");
  },
};
