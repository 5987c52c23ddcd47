/** The end of a GET filter form: its submit button, and a link back to the page without filters. */
import { Link } from "@remix-run/react";

export function FilterActions({
  submitLabel,
  clearLabel,
  clearTo,
  hideSubmit = false,
}: {
  submitLabel: string;
  clearLabel: string;
  clearTo: string;
  /** When the form applies itself on change (with JavaScript), the button is not needed. */
  hideSubmit?: boolean;
}) {
  return (
    <div className="queue-filters__actions">
      {hideSubmit ? null : (
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      )}
      <Link to={clearTo} className="queue-filters__clear">
        {clearLabel}
      </Link>
    </div>
  );
}
