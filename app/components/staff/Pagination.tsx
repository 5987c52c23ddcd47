import { useTranslation } from "react-i18next";

/**
 * Previous / next links and where you are; plain links, so it works without JavaScript. Give `pages` when
 * the total is known, else `hasNext`.
 */
export function Pagination({
  page,
  pages,
  hasNext: hasNextGiven,
  hrefFor,
  label,
}: {
  page: number;
  pages?: number;
  hasNext?: boolean;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const { t } = useTranslation("staff");
  const hasNext = pages !== undefined ? page < pages : Boolean(hasNextGiven);
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {t("pagination.previous")}
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          {pages !== undefined ? t("pagination.pageOf", { page, pages }) : t("pagination.page", { page })}
        </li>
        {hasNext ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {t("pagination.next")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
