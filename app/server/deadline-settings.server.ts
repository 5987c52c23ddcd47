/**
 * Deadline settings from the settings table (keys below, whole numbers as text), with the statutory
 * defaults of app/domain/working-days.ts for anything missing or not a sensible number.
 */
import { inArray } from "drizzle-orm";
import { defaultDeadlineSettings, type DeadlineSettings } from "~/domain/working-days";
import { getDb, schema } from "./db.server";
import type { DbOrTx } from "./tx.server";

export const deadlineSettingKeys: Record<keyof DeadlineSettings, string> = {
  ackWorkingDays: "deadline.ack_working_days",
  ackWorkingDaysUrgent: "deadline.ack_working_days_urgent",
  answerWeeks: "deadline.answer_weeks",
};

export function getDeadlineSettings(db: DbOrTx = getDb()): DeadlineSettings {
  const rows = db
    .select()
    .from(schema.settings)
    .where(inArray(schema.settings.key, Object.values(deadlineSettingKeys)))
    .all();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const out = { ...defaultDeadlineSettings };
  for (const [field, key] of Object.entries(deadlineSettingKeys) as [keyof DeadlineSettings, string][]) {
    const n = Number(byKey.get(key));
    if (Number.isInteger(n) && n >= 1 && n <= 365) out[field] = n;
  }
  return out;
}
