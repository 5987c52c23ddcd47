/**
 * Deadline settings from the settings table, as `settingsFrom` (app/domain/settings-form.ts) reads them: the
 * stored whole number within the form's bounds, else the statutory default of app/domain/working-days.ts.
 */
import { inArray } from "drizzle-orm";
import { settingFields, settingsFrom } from "~/domain/settings-form";
import type { DeadlineSettings } from "~/domain/working-days";
import { getDb, schema } from "./db.server";
import type { DbOrTx } from "./tx.server";

const deadlineFields = [
  "ackWorkingDays",
  "ackWorkingDaysUrgent",
  "answerWeeks",
] as const satisfies readonly (keyof DeadlineSettings)[];

export const deadlineSettingKeys = Object.fromEntries(
  deadlineFields.map((f) => [f, settingFields[f].key]),
) as Record<keyof DeadlineSettings, string>;

export function getDeadlineSettings(db: DbOrTx = getDb()): DeadlineSettings {
  const rows = db
    .select()
    .from(schema.settings)
    .where(inArray(schema.settings.key, Object.values(deadlineSettingKeys)))
    .all();
  return settingsFrom(new Map(rows.map((r) => [r.key, r.value])), deadlineFields);
}
