/** The end of a GET filter form: its submit button, and a link back to the page without filters. */
import { Link } from "@remix-run/react";

export function FilterActions({
  submitLabel,
  clearLabel,
  clearTo,
}: {
  submitLabel: string;
  clearLabel: string;
  clearTo: string;
}) {
  return (
    <div className="queue-filters__actions">
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
      <Link to={clearTo} className="queue-filters__clear">
        {clearLabel}
      </Link>
    </div>
  );
}
