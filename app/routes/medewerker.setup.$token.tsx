import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm } from "~/components/staff/AccountForm";
import type { RouteHandle } from "~/route-handle";
import { accountLinkAction, accountLinkLoader } from "~/server/account-link.server";

export const handle: RouteHandle = { title: "staff:setup.title" };

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  accountLinkLoader(request, params.token, "setup");

export const action = ({ request, params }: ActionFunctionArgs) =>
  accountLinkAction(request, params.token, "setup");

export default function Setup() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t("setup.title")}</h1>
      {data.valid ? (
        <>
          <p className="lead">{t("setup.intro")}</p>
          <AccountForm errors={actionData?.errors} values={actionData?.values} enrolment={data.enrolment} />
        </>
      ) : (
        <div className="notice">
          <p>{t("setup.invalid")}</p>
        </div>
      )}
    </div>
  );
}
