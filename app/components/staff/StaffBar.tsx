import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Form } from "~/components/ui";
import type { StaffNavItem } from "~/domain/roles";
import type { StaffRole } from "~/domain/vocabulary";

const hrefs: Record<StaffNavItem, string> = {
  queue: "/medewerker",
  entry: "/medewerker/invoeren",
  team: "/medewerker/team",
  organisations: "/medewerker/organisaties",
  mail: "/medewerker/mail",
  audit: "/medewerker/audit",
  statistics: "/medewerker/statistieken",
  settings: "/medewerker/instellingen",
};

/** Everyone's own account pages, whatever the role. */
const accountHrefs = {
  password: "/medewerker/wachtwoord",
  recoveryCodes: "/medewerker/herstelcodes",
  alerts: "/medewerker/e-mails",
};

/** Who is signed in, the staff navigation their role allows, and signing out. */
export function StaffBar({ me }: { me: { name: string; role: StaffRole; nav: StaffNavItem[] } }) {
  const { t } = useTranslation("staff");
  const { pathname } = useLocation();
  const current = (item: StaffNavItem) =>
    item === "queue"
      ? pathname === "/medewerker" || pathname.startsWith("/medewerker/zaken")
      : pathname.startsWith(hrefs[item]);
  return (
    <div className="staff-bar">
      <nav className="staff-bar__nav" aria-label={t("nav.label")}>
        <ul>
          {me.nav.map((item) => (
            <li key={item}>
              <Link to={hrefs[item]} aria-current={current(item) ? "page" : undefined}>
                {t(`nav.${item}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="staff-bar__me">
        <p className="staff-bar__who">
          {t("nav.signedInAs", { name: me.name })}{" "}
          <span className="staff-bar__role">({t(`roles.${me.role}`)})</span>
        </p>
        <nav className="staff-bar__account" aria-label={t("nav.accountLabel")}>
          <ul>
            {(["password", "recoveryCodes", "alerts"] as const).map((item) => (
              <li key={item}>
                <Link
                  to={accountHrefs[item]}
                  aria-current={pathname === accountHrefs[item] ? "page" : undefined}
                >
                  {t(`nav.${item}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Form action="/medewerker/uitloggen" id="sign-out" className="staff-bar__signout">
          <Button variant="secondary">{t("nav.signOut")}</Button>
        </Form>
      </div>
    </div>
  );
}
