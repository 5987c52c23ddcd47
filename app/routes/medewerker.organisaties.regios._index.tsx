import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/route-handle";
import { regionCoordinationOverview } from "~/server/organisations.server";
import { requireStaff } from "~/server/staff-session.server";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:regions.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  return json({
    regions: regionCoordinationOverview(),
    done: new URL(request.url).searchParams.get("gedaan"),
  });
}

export default function Regions() {
  const { regions, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const missing = regions.filter((r) => !r.coordinator).length;
  const cols = {
    region: t("regions.columns.region"),
    municipalities: t("regions.columns.municipalities"),
    coordinator: t("regions.columns.coordinator"),
    change: t("regions.columns.change"),
  };
  return (
    <>
      <p>
        <Link to="/medewerker/organisaties" className="link link--back">
          {t("organisations.edit.back")}
        </Link>
      </p>
      <h1>{t("regions.title")}</h1>
      <p className="lead">{t("regions.intro")}</p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t("regions.saved")}</p>
        </div>
      ) : null}
      <p className="queue-total">{t("regions.missing", { count: missing, total: regions.length })}</p>
      <ReflowTable className="org-table" caption={t("regions.caption")} columns={cols}>
        {regions.map((r) => (
          <tr key={r.code}>
            <th scope="row" data-label={cols.region}>
              {r.name} <span className="org-table__former">({r.code})</span>
            </th>
            <td data-label={cols.municipalities}>{r.municipalities}</td>
            <td data-label={cols.coordinator}>
              {r.coordinator ? (
                <Link to={`/medewerker/organisaties/${r.coordinator.id}`}>{r.coordinator.name}</Link>
              ) : (
                <span className="tag tag--warning">{t("regions.notSet")}</span>
              )}
            </td>
            <td data-label={cols.change}>
              <Link to={`/medewerker/organisaties/regios/${r.code}`}>
                {t("regions.changeFor", { region: r.name })}
              </Link>
            </td>
          </tr>
        ))}
      </ReflowTable>
    </>
  );
}
