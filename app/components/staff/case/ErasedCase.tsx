import { Link } from "@remix-run/react";
import { formatDate } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";

/** What the worker handling an erased case sees instead of a 404: that the reporter erased it. */
export function ErasedCase({ code, erasedAt, backTo }: { code: string; erasedAt: number; backTo: string }) {
  const t = useCachedT();
  return (
    <div className="case">
      <p>
        <Link to={backTo} className="link link--back">
          {t("case.backToQueue")}
        </Link>
      </p>
      <h1>{t("case.title", { code })}</h1>
      <div className="notice">
        <p>
          {t("case.erased", {
            date: formatDate(erasedAt, t),
          })}
        </p>
      </div>
    </div>
  );
}
