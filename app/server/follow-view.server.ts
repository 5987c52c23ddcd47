/** Dates for the reporter's pages, formatted on the server in the page's language (no hydration drift). */
import { formatDay, formatMoment } from "~/domain/reporter-view";
import type { Language } from "~/i18n/config";
import type { ReporterCase } from "./follow.server";

export function datedCase(c: ReporterCase, lang: Language, now = Date.now()) {
  return {
    kind: c.kind,
    status: c.status,
    receivedOn: formatMoment(c.receivedAt, lang).date,
    deadline: c.nextDeadline
      ? {
          kind: c.nextDeadline.kind,
          overdue: c.nextDeadline.overdue,
          day: formatDay(c.nextDeadline.dueAt, lang, now),
        }
      : null,
    timeline: c.timeline.map((item) => ({ ...item, ...formatMoment(item.at, lang) })),
    organisations: c.organisations,
    messages: c.messages.map((m) => ({ ...m, ...formatMoment(m.at, lang) })),
    notifyEmailSet: c.notifyEmail !== null,
  };
}
