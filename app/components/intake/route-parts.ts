/** What the /verhaal and /klacht route modules share besides their loaders: titles and the stylesheet. */
import type { IntakeKind } from "~/domain/intake/answers";
import type { RouteHandle } from "~/route-handle";
import intakeStyles from "~/styles/intake.css?url";
import { kindContext } from "./kind";
import { questionKey } from "./questions";

export const intakeLinks = () => [{ rel: "stylesheet", href: intakeStyles }];

type KindData = { kind?: IntakeKind; step?: string; receipt?: unknown } | undefined;

/**
 * The start page holds only text and links: it does not hydrate (ADR 042), its one script is the quick exit.
 * The first question, a full page load away, hydrates as before.
 */
export const startHandle: RouteHandle = {
  hydrate: false,
  title: (t, data) =>
    t("intake:start.title", { context: kindContext((data as KindData)?.kind ?? "testimony") }),
};

/** The page title is the question, as in the <h1>. */
export const stepHandle: RouteHandle = {
  hydrate: false,
  languageForm: "intake-step",
  title: (t, data) => {
    const d = data as KindData;
    const key = d?.step ? questionKey[d.step as keyof typeof questionKey] : undefined;
    return key ? t(`intake:${key}`, { context: kindContext(d?.kind ?? "testimony") }) : "";
  },
};

export const checkHandle: RouteHandle = { title: "intake:check.title" };

export const confirmationHandle: RouteHandle = {
  title: (t, data) => {
    const d = data as KindData;
    return d?.receipt
      ? t("intake:confirmation.title", { context: kindContext(d.kind ?? "testimony") })
      : t("intake:confirmation.gone.title");
  },
};
