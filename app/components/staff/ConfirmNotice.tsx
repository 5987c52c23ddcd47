/**
 * The server's question before a step that is allowed but often a slip (closing with an open referral, a
 * second referral to one organisation). It takes focus like the error summary, so it is seen and read
 * before the confirm button under it; without JavaScript the browser's autofocus does the same.
 */
import { useEffect, useRef, type ReactNode } from "react";

export function ConfirmNotice({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "center" });
  }, []);
  return (
    <div
      ref={ref}
      className="notice notice--warning"
      role="group"
      aria-label={title}
      tabIndex={-1}
      {...{ autoFocus: true }}
    >
      <p className="notice__title">
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
