import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { FilterActions } from "~/components/staff/FilterActions";
import { formatDateTime, isoDate } from "~/components/staff/format";
import { Pagination } from "~/components/staff/Pagination";
import { SelectField } from "~/components/staff/SelectField";
import { auditActions, type AuditDetail } from "~/domain/audit";
import { auditSearch, dayRange, parseAuditFilters } from "~/domain/audit-filters";
import type { RouteHandle } from "~/route-handle";
import { auditStaffOptions, caseIdForCode, listAudit } from "~/server/audit.server";
import { requireStaff } from "~/server/staff-session.server";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:audit.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "audit.read" });
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const range = dayRange(filters.from, filters.to);
  const { rows, hasNext } = listAudit({
    staffId: filters.staffId,
    action: filters.action,
    caseId: filters.caseCode ? caseIdForCode(filters.caseCode) : undefined,
    from: range.from,
    to: range.to,
    page: filters.page,
  });
  return json({ filters, rows, hasNext, staff: auditStaffOptions() });
}

/** The non-identifying details of an entry in words. */
function detailText(t: TFunction, action: string, d: AuditDetail | null, names: Map<number, string>): string {
  if (!d) return "";
  const person = (id: unknown) => (typeof id === "number" ? (names.get(id) ?? `#${id}`) : "");
  const status = (s: unknown) => t(`statuses.${String(s)}`, { defaultValue: String(s) });
  const role = (r: unknown) => t(`roles.${String(r)}`, { defaultValue: String(r) });
  switch (action) {
    case "case_status_changed":
      return t("audit.detail.status", { from: status(d.from), to: status(d.to) });
    case "case_assigned":
      return d.to == null ? t("audit.detail.unassigned") : t("audit.detail.assigned", { name: person(d.to) });
    case "case_urgency_changed":
      return t(d.urgent ? "audit.detail.urgent" : "audit.detail.notUrgent");
    case "role_changed":
      return t("audit.detail.role", { name: person(d.target), from: role(d.from), to: role(d.to) });
    case "account_deactivated":
    case "account_reactivated":
    case "second_factor_reset":
      return person(d.target);
    case "invitation_created":
    case "account_created":
      return role(d.role);
    case "sign_in":
      return t(`audit.detail.method.${String(d.method)}`, { defaultValue: String(d.method) });
    case "sign_in_failed":
      return d.limited ? t("audit.detail.limited") : "";
    case "referral_created":
    case "referral_sent":
    case "referral_link_renewed":
    case "referral_viewed":
      return t("audit.detail.referral", { reference: `R-${String(d.referralId)}` });
    case "referral_status_reported":
      return t("audit.detail.referralStatus", {
        reference: `R-${String(d.referralId)}`,
        status: t(`routing.statuses.${String(d.status)}`, { defaultValue: String(d.status) }),
      });
    case "organisation_created":
    case "organisation_changed":
      return t("audit.detail.organisation", { id: String(d.organisationId) });
    case "region_coordination_changed":
      return t("audit.detail.region", { region: String(d.region) });
    case "case_tagged":
    case "case_untagged":
      return t("audit.detail.tag", { id: String(d.tagId) });
    case "case_linked":
    case "case_unlinked":
      return t("audit.detail.link", {
        role: t(`links.roles.${String(d.role)}`, { defaultValue: String(d.role) }),
        id: String(d.otherCaseId),
      });
    case "mail_retried":
      return t("audit.detail.mail", { id: String(d.mailId) });
    default:
      return "";
  }
}

export default function Audit() {
  const { filters, rows, hasNext, staff } = useLoaderData<typeof loader>();
  const t = useCachedT();
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const cols = {
    at: t("audit.columns.at"),
    who: t("audit.columns.who"),
    action: t("audit.columns.action"),
    case: t("audit.columns.case"),
    detail: t("audit.columns.detail"),
  };
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <Form
        method="get"
        action="/medewerker/audit"
        className="queue-filters__form audit-filters"
        aria-label={t("audit.filters.heading")}
      >
        <div className="queue-filters__grid">
          <SelectField
            name="staff"
            label={t("audit.filters.who")}
            defaultValue={filters.staffId ? String(filters.staffId) : ""}
            options={[
              { value: "", label: t("audit.filters.anyone") },
              ...staff.map((s) => ({ value: String(s.id), label: s.name })),
            ]}
          />
          <SelectField
            name="action"
            label={t("audit.filters.action")}
            defaultValue={filters.action ?? ""}
            options={[
              { value: "", label: t("audit.filters.anyAction") },
              ...auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
            ]}
          />
          <div className="field staff-field">
            <label className="field__label" htmlFor="field-case">
              {t("audit.filters.case")}
            </label>
            <input
              id="field-case"
              name="case"
              className="input"
              defaultValue={filters.caseCode ?? ""}
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <div className="field staff-field">
            <label className="field__label" htmlFor="field-from">
              {t("audit.filters.from")}
            </label>
            <input
              id="field-from"
              name="from"
              type="date"
              className="input"
              defaultValue={filters.from ?? ""}
            />
          </div>
          <div className="field staff-field">
            <label className="field__label" htmlFor="field-to">
              {t("audit.filters.to")}
            </label>
            <input id="field-to" name="to" type="date" className="input" defaultValue={filters.to ?? ""} />
          </div>
        </div>
        <FilterActions
          submitLabel={t("audit.filters.apply")}
          clearLabel={t("audit.filters.clear")}
          clearTo="/medewerker/audit"
        />
      </Form>

      {rows.length === 0 ? (
        <p role="status">{t("audit.empty")}</p>
      ) : (
        <ReflowTable className="audit-table" caption={t("audit.caption")} columns={cols}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={cols.at}>
                <time dateTime={isoDate(r.at)}>{formatDateTime(r.at, t)}</time>
              </td>
              <td data-label={cols.who}>
                {r.staffName ??
                  t(r.actor === "staff" ? "audit.unknownPerson" : `audit.actors.${r.actor}`, {
                    defaultValue: r.actor,
                  })}
              </td>
              <td data-label={cols.action}>{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</td>
              <td data-label={cols.case}>
                {r.caseId ? (
                  r.caseCode ? (
                    <Link to={`/medewerker/zaken/${r.caseId}`}>{r.caseCode}</Link>
                  ) : (
                    t("audit.erasedCase")
                  )
                ) : (
                  ""
                )}
              </td>
              <td data-label={cols.detail}>{detailText(t, r.action, r.detail, names)}</td>
            </tr>
          ))}
        </ReflowTable>
      )}
      <Pagination
        page={filters.page}
        hasNext={hasNext}
        hrefFor={(page) => `/medewerker/audit${auditSearch(filters, page)}`}
        label={t("pagination.label")}
      />
    </>
  );
}
