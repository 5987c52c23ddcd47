import { Form as RemixForm, Link } from "@remix-run/react";
import { useCachedT } from "~/components/staff/use-cached-t";
import { useCaseData } from "./case-data";
import { Fact } from "./Fact";

/** A case URL with some query parameters, leaving out the empty ones. */
function caseUrl(id: number, params: Record<string, string | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const q = p.toString();
  return `/medewerker/zaken/${id}${q ? `?${q}` : ""}`;
}

/** The reporter's contact details: shown only when asked for, and every first look is logged. */
export function CaseContact() {
  const t = useCachedT();
  const data = useCaseData();
  const c = data.case;
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t("case.contact.heading")}</h2>
      {!c.hasContact ? (
        <p>{t("case.contact.none")}</p>
      ) : data.contactShown && data.contact ? (
        <>
          <dl className="facts">
            <Fact label={t("case.contact.method")}>
              {t(`contactMethods.${c.contactMethod ?? "none"}`, {
                defaultValue: c.contactMethod ?? "",
              })}
            </Fact>
            {data.contact.name ? <Fact label={t("case.contact.name")}>{data.contact.name}</Fact> : null}
            {data.contact.email ? <Fact label={t("case.contact.email")}>{data.contact.email}</Fact> : null}
            {data.contact.phone ? <Fact label={t("case.contact.phone")}>{data.contact.phone}</Fact> : null}
            {data.contact.safeTimes ? (
              <Fact label={t("case.contact.safeTimes")}>{data.contact.safeTimes}</Fact>
            ) : null}
            {data.contact.mayLeaveMessage !== undefined ? (
              <Fact label={t("case.contact.mayLeaveMessage")}>
                {t(data.contact.mayLeaveMessage ? "case.yes" : "case.no")}
              </Fact>
            ) : null}
          </dl>
          <p>
            <Link to={caseUrl(c.id, { contact: "hide", terug: data.from })} preventScrollReset>
              {t("case.contact.hide")}
            </Link>
          </p>
        </>
      ) : (
        <RemixForm method="get" action={`/medewerker/zaken/${c.id}`} preventScrollReset>
          <p>{t("case.contact.logged")}</p>
          <input type="hidden" name="contact" value="show" />
          {data.from ? <input type="hidden" name="terug" value={data.from} /> : null}
          <button type="submit" className="button button--secondary">
            {t("case.contact.show")}
          </button>
        </RemixForm>
      )}
    </section>
  );
}
