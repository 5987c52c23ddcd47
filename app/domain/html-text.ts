/**
 * Text a form shows back after a refusal goes into the HTML as typed, except what HTML cannot carry (the
 * Nu HTML Checker calls them forbidden code points): C0 controls other than tab, newline, form feed and
 * carriage return, DEL and the C1 controls. Each becomes "\uFFFD", so the person sees where one was that
 * the error message speaks of. Pure; used on the server and in the browser alike (no hydration mismatch).
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_HTML = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

export const showableText = (s: string): string => s.replace(NOT_IN_HTML, "\uFFFD");
