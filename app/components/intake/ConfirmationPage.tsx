/**
 * The receipt: case code and passphrase, shown once (for 30 minutes, or until "I have saved everything"),
 * with print and a .txt download, what happens next and by when, and how to follow the case.
 */
import { useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { OperatorNote } from "~/components/layout/Operator";
import { useHydrated } from "~/components/use-hydrated";
import { Button, Form, Link } from "~/components/ui";
import type { confirmationAction, confirmationLoader } from "~/server/intake.server";
import { kindContext } from "./kind";

/** "7KQM-2XRT-…" that wraps only between groups of four on a narrow screen. */
function Groups({ value }: { value: string }) {
  return value.split("-").map((group, i) => (
    <Fragment key={i}>
      {i > 0 ? (
        <>
          -<wbr />
        </>
      ) : null}
      <span className="intake-receipt__group">{group}</span>
    </Fragment>
  ));
}

export function ConfirmationPage() {
  const data = useLoaderData<typeof confirmationLoader>();
  const action = useActionData<typeof confirmationAction>();
  const { t } = useTranslation("intake");
  const hydrated = useHydrated();
  const context = kindContext(data.kind);
  const receipt = data.receipt;

  if (!receipt) {
    return (
      <div className="page intake">
        <h1>{t("confirmation.gone.title")}</h1>
        <p>{t("confirmation.gone.text")}</p>
        <p>{t("confirmation.gone.lost")}</p>
        <p>
          <Link href="/volgen">{t("confirmation.followLink")}</Link>
        </p>
        <p>
          <Link href="/">{t("confirmation.gone.home")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page intake intake-confirmation">
      <div className="intake-panel">
        <h1 className="intake-panel__title">{t("confirmation.title", { context })}</h1>
        <p className="intake-panel__text">{t("confirmation.thanks")}</p>
      </div>

      <h2>{t("confirmation.codeHeading")}</h2>
      <dl className="intake-receipt">
        <div className="intake-receipt__item">
          <dt>{t("confirmation.code")}</dt>
          <dd className="intake-receipt__value" data-testid="case-code">
            <Groups value={receipt.code} />
          </dd>
        </div>
        <div className="intake-receipt__item">
          <dt>{t("confirmation.passphrase")}</dt>
          <dd className="intake-receipt__value" data-testid="passphrase">
            <Groups value={receipt.passphrase} />
          </dd>
        </div>
      </dl>
      <p>
        <strong>{t("confirmation.saveNow")}</strong>
      </p>
      <p>{t("confirmation.spelling")}</p>
      <div className="intake-receipt__actions no-print">
        {hydrated ? (
          <Button variant="secondary" type="button" onPress={() => window.print()}>
            {t("confirmation.print")}
          </Button>
        ) : (
          <p>{t("confirmation.printWithoutScript")}</p>
        )}
        <p>
          <a href={receipt.downloadHref} download>
            {t("confirmation.download")}
          </a>
          <br />
          <span className="field__hint">{t("confirmation.downloadWarning")}</span>
        </p>
      </div>

      <h2>{t("confirmation.nextHeading")}</h2>
      <ul>
        <li>{t("confirmation.next.read", { context })}</li>
        <li>{t("confirmation.next.answer", { count: receipt.ackDays, date: receipt.ackDate })}</li>
        {receipt.urgent ? <li>{t("confirmation.next.urgent")}</li> : null}
        <li>{t("confirmation.next.share")}</li>
      </ul>

      <h2>{t("confirmation.followHeading")}</h2>
      <p>{t("confirmation.follow")}</p>
      <p>
        <Link href="/volgen">{t("confirmation.followLink")}</Link>
        {/* On paper a link is only its address. */}
        <span className="intake-print-only"> {receipt.followUrl}</span>
      </p>

      <div className="no-print">
        <h2>{t("confirmation.doneHeading")}</h2>
        <p>{t("confirmation.doneText")}</p>
        <Form errors={action?.errors}>
          <Button id="field-done">{t("confirmation.done")}</Button>
        </Form>
      </div>
      <OperatorNote />
    </div>
  );
}
