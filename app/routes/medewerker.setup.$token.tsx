import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/route-handle";
import { findValidAccessToken } from "~/server/access-tokens.server";

export const handle: RouteHandle = { title: "staff:setup.title" };

export function loader({ params }: LoaderFunctionArgs) {
  const valid = Boolean(params.token && findValidAccessToken(params.token, "setup"));
  return json({ valid }, { status: valid ? 200 : 404 });
}

export default function Setup() {
  const { valid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t("setup.title")}</h1>
      <div className="notice">
        <p>{valid ? t("setup.comingSoon") : t("setup.invalid")}</p>
      </div>
    </div>
  );
}
