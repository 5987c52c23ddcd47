import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui";
import type { startLoader } from "~/server/intake/start.server";
import { kindContext } from "./kind";
import { List } from "./List";

/** /verhaal and /klacht: what to expect, then the first question. */
export function StartPage() {
  const data = useLoaderData<typeof startLoader>();
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  return (
    <div className="page intake">
      <h1>{t("start.title", { context })}</h1>
      {data.expired ? (
        <div className="notice" role="status">
          <p>{t("start.expired")}</p>
        </div>
      ) : null}
      <p className="lead">{t("start.lead", { context })}</p>
      <h2>{t("start.howHeading")}</h2>
      <List k="start.how" />
      <h2>{t("start.safeHeading")}</h2>
      <List k="start.safe" />
      {data.receiptHref ? (
        <p>
          <Link href={data.receiptHref}>{t("confirmation.codeHeading")}</Link>
        </p>
      ) : null}
      <p className="intake__start">
        {data.resumeHref ? (
          <Link variant="button" href={data.resumeHref}>
            {t("start.resume")}
          </Link>
        ) : (
          <Link variant="button" href={data.firstStepHref}>
            {t("start.begin")}
          </Link>
        )}
      </p>
    </div>
  );
}
