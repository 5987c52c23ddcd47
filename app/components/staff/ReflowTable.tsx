import type { ReactNode } from "react";

/**
 * A list table of the back office: a caption for screen readers, one header per column, and the `reflow`
 * style that turns each row into a card on a phone (every cell carries its column name in `data-label`).
 */
export function ReflowTable({
  className,
  caption,
  columns,
  children,
}: {
  className: string;
  caption: string;
  columns: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <table className={`reflow ${className}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {Object.values(columns).map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
