/** The hidden fields every form carries: the CSRF token, and the honeypot that only robots fill in. */
export const CSRF_FIELD = "csrf";
export const HONEYPOT_FIELD = "website";
