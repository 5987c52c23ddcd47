import { describe, expect, it } from "vitest";
import { auditActions } from "~/domain/audit";
import { reporterRoles, safeNowAnswers, themes, wishes, contactMethods } from "~/domain/case-content";
import { caseEventTypes } from "~/domain/case-events";
import { caseKinds, caseStatuses } from "~/domain/case-status";
import { statusFilters, queueSorts } from "~/domain/queue";
import { staffRoles } from "~/domain/roles";
import { consentRecipients } from "../../db/schema";
import { languages } from "./config";
import { getFixedT } from "./resources.server";

const required: string[] = [
  ...caseKinds.map((k) => `kinds.${k}`),
  ...caseStatuses.map((s) => `statuses.${s}`),
  ...statusFilters.map((s) => `queue.statusFilter.${s}`),
  ...queueSorts.map((s) => `queue.sort.${s}`),
  ...staffRoles.map((r) => `roles.${r}`),
  ...themes.map((t) => `themes.${t}`),
  ...wishes.map((w) => `wishes.${w}`),
  ...reporterRoles.map((r) => `reporterRoles.${r}`),
  ...safeNowAnswers.map((s) => `safeNow.${s}`),
  ...contactMethods.map((m) => `contactMethods.${m}`),
  ...consentRecipients.map((r) => `recipients.${r}`),
  ...Object.keys(caseEventTypes).map((e) => `events.${e}`),
  ...auditActions.map((a) => `audit.actions.${a}`),
  ...["on_time", "due_today", "overdue", "met", "none"].map((b) => `badges.${b}`),
  ...languages.map((l) => `languages.${l}`),
];

describe("staff labels", () => {
  for (const lng of languages) {
    it(`has a label for every fixed key in ${lng}`, () => {
      const t = getFixedT(lng, "staff");
      const missing = required.filter((key) => {
        const text = t(key, { name: "x", from: "a", to: "b" });
        return text === key || text.trim() === "";
      });
      expect(missing).toEqual([]);
    });
  }
});
