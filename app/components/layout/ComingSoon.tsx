import { useTranslation } from "react-i18next";

export function ComingSoon({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t(titleKey)}</h1>
      <div className="notice">
        <p>{t("opensSoon")}</p>
      </div>
      <p>
        <a href="/">{t("nav.home")}</a>
      </p>
    </div>
  );
}
