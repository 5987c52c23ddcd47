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
  // The button stays when the form applies itself on change (with JavaScript): a form has a way to send it
  // that does not depend on a change event (WCAG 3.2.2; HTML_CodeSniffer's H32.2).
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
