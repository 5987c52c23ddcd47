import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions } from "~/components/staff/FilterActions";
import { FilterCheckbox } from "~/components/staff/FilterCheckbox";
import { Pagination } from "~/components/staff/Pagination";
import { SelectField } from "~/components/staff/SelectField";
import { fieldId } from "~/components/ui";
import {
  organisationKinds,
  organisationSearch,
  parseOrganisationFilters,
  type OrganisationFilters,
} from "~/domain/organisations";
import type { RouteHandle } from "~/route-handle";
import { searchOrganisations } from "~/server/organisations.server";
import { requireStaff } from "~/server/staff-session.server";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:organisations.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  const url = new URL(request.url);
  const filters = parseOrganisationFilters(url.searchParams);
  return json({ filters, ...searchOrganisations(filters), done: url.searchParams.get("gedaan") });
}

export default function Organisations() {
  const { filters, rows, total, pages, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const f = filters as OrganisationFilters;
  const cols = {
    name: t("organisations.columns.name"),
    kind: t("organisations.columns.kind"),
    region: t("organisations.columns.region"),
    email: t("organisations.columns.email"),
    state: t("organisations.columns.state"),
  };
  return (
    <>
      <h1>{t("organisations.title")}</h1>
      <p className="lead">{t("organisations.intro")}</p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`organisations.done.${done}`, { defaultValue: t("case.done.default") })}</p>
        </div>
      ) : null}
      <ul className="plain-list org-links">
        <li>
          <Link to="/medewerker/organisaties/regios">{t("organisations.regionsLink")}</Link>
        </li>
        <li>
          <Link to="/medewerker/organisaties/nieuw">{t("organisations.newLink")}</Link>
        </li>
      </ul>

      <Form
        method="get"
        action="/medewerker/organisaties"
        className="queue-filters__form org-search"
        role="search"
        aria-label={t("organisations.search.heading")}
      >
        <div className="queue-filters__grid">
          <div className="field staff-field">
            <label className="field__label" htmlFor={fieldId("q")}>
              {t("organisations.search.label")}
            </label>
            <p className="field__hint" id="q-hint">
              {t("organisations.search.hint")}
            </p>
            <input
              id={fieldId("q")}
              name="q"
              type="search"
              className="input"
              defaultValue={f.q}
              aria-describedby="q-hint"
              maxLength={100}
            />
          </div>
          <SelectField
            name="soort"
            label={t("organisations.search.kind")}
            defaultValue={f.kind ?? ""}
            options={[
              { value: "", label: t("organisations.search.anyKind") },
              ...organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })),
            ]}
          />
        </div>
        <div className="queue-filters__checks">
          <FilterCheckbox
            name="inactief"
            label={t("organisations.search.inactive")}
            defaultChecked={f.inactive}
          />
          <FilterCheckbox
            name="zonderadres"
            label={t("organisations.search.noAddress")}
            defaultChecked={f.noAddress}
          />
        </div>
        <FilterActions
          submitLabel={t("organisations.search.submit")}
          clearLabel={t("organisations.search.clear")}
          clearTo="/medewerker/organisaties"
        />
      </Form>

      <p className="queue-total" role="status">
        {t("organisations.total", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t("organisations.empty")}</p>
      ) : (
        <ReflowTable className="org-table" caption={t("organisations.caption")} columns={cols}>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={cols.name}>
                <Link to={`/medewerker/organisaties/${r.id}`}>{r.name}</Link>
                {r.formerNames.length ? (
                  <span className="org-table__former">
                    {" "}
                    {t("organisations.formerly", { names: r.formerNames.join(", ") })}
                  </span>
                ) : null}
              </th>
              <td data-label={cols.kind}>
                {t(`organisations.kinds.${r.kind}`)}
                {r.cbsCode ? <> · {r.cbsCode}</> : null}
              </td>
              <td data-label={cols.region}>{r.regionName ?? "–"}</td>
              <td data-label={cols.email}>
                {r.hasEmail ? (
                  t("organisations.emailSet")
                ) : (
                  <span className="tag tag--warning">{t("organisations.emailMissing")}</span>
                )}
              </td>
              <td data-label={cols.state}>
                {r.active ? (
                  <span className="tag tag--success">{t("organisations.active")}</span>
                ) : (
                  <span className="tag tag--error">{t("organisations.inactive")}</span>
                )}
              </td>
            </tr>
          ))}
        </ReflowTable>
      )}
      <Pagination
        page={f.page}
        pages={pages}
        hrefFor={(page) => `/medewerker/organisaties${organisationSearch(f, { page })}`}
        label={t("pagination.label")}
      />
    </>
  );
}
