/** A figure of counts: a bar chart with the same numbers as a table beside it. */
import type { TFunction } from "i18next";
import type React from "react";
import { Bars } from "~/components/charts/charts";

/** Wide content (a chart, a table) scrolls inside its own box on a phone; focusable so keyboards can scroll it. */
export function ScrollArea({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    <div className="scroll-area" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}

function ListTable({
  caption,
  id,
  rows,
  t,
}: {
  caption: string;
  id: string;
  rows: { label: string; value: number }[];
  t: TFunction;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
      <table aria-describedby={id}>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="num">
              {t("statistics.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Figure({
  id,
  heading,
  caption,
  items,
  t,
}: {
  id: string;
  heading: string;
  caption: string;
  items: { label: string; value: number }[];
  t: TFunction;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="report-section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {items.length === 0 ? (
        <p>{t("statistics.none")}</p>
      ) : (
        <figure className="report-figure">
          <figcaption id={id}>{caption}</figcaption>
          <ScrollArea labelledBy={id}>
            <Bars items={items} labelledBy={id} />
          </ScrollArea>
          <ListTable caption={heading} id={id} rows={items} t={t} />
        </figure>
      )}
    </section>
  );
}
