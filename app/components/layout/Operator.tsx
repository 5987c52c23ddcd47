/**
 * Who is behind the Aanspreekpunt (app/config/operator.ts): the organisation, its address, phone with
 * opening hours, and mailbox. On home, the about page and under every receipt, so nobody has to trust
 * a website without a name.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { operatorDefaults, phoneHref, toOperator, type Operator } from "~/config/operator";
import type { RootData } from "~/root";

const fallback = toOperator({ ...operatorDefaults });

/** The operator from the root loader (the error page before it loaded falls back to the defaults). */
export function useOperator(): Operator {
  return useRouteLoaderData<RootData>("root")?.operator ?? fallback;
}

/** The full block: a heading, who runs it, where, and how to call or write. */
export function OperatorContact({ headingId = "operator-heading" }: { headingId?: string }) {
  const { t } = useTranslation("pages");
  const op = useOperator();
  return (
    <section className="operator" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("operator.heading")}</h2>
      <p>{t("operator.runBy", { name: op.name })}</p>
      <OperatorLines operator={op} />
    </section>
  );
}

/** Small, under a receipt: where to call or write with a question about what was just sent. */
export function OperatorNote() {
  const { t } = useTranslation("pages");
  const op = useOperator();
  return (
    <aside className="operator operator--note" aria-labelledby="operator-note-heading">
      <h2 id="operator-note-heading">{t("operator.noteHeading")}</h2>
      <OperatorLines operator={op} />
    </aside>
  );
}

function OperatorLines({ operator: op }: { operator: Operator }) {
  const { t } = useTranslation("pages");
  return (
    <address className="operator__lines">
      <span className="operator__line">{op.name}</span>
      <span className="operator__line">{op.address}</span>
      <span className="operator__line">
        {t("operator.phone")} <a href={phoneHref(op.phone)}>{op.phone}</a>{" "}
        {t("operator.hours", { from: op.hoursFrom, to: op.hoursTo })}
      </span>
      <span className="operator__line">
        {t("operator.email")} <a href={`mailto:${op.email}`}>{op.email}</a>
      </span>
    </address>
  );
}
