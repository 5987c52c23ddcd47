/** Reading and saving the coordinator settings (deadlines and retention) in the settings table. */
import { settingFields, type SettingField, type SettingValues } from "~/domain/settings-form";
import { audit } from "./audit.server";
import { getDeadlineSettings } from "./deadline-settings.server";
import { getDb, schema } from "./db.server";
import { retentionSettings } from "./retention.server";

export function currentSettings(): SettingValues {
  const db = getDb();
  return { ...getDeadlineSettings(db), ...retentionSettings(db) };
}

export function saveSettings(values: SettingValues, staffId: number, now = Date.now()) {
  const db = getDb();
  db.transaction((tx) => {
    for (const [field, spec] of Object.entries(settingFields) as [
      SettingField,
      (typeof settingFields)[SettingField],
    ][]) {
      tx.insert(schema.settings)
        .values({ key: spec.key, value: String(values[field]), updatedAt: now })
        .onConflictDoUpdate({
          target: schema.settings.key,
          set: { value: String(values[field]), updatedAt: now },
        })
        .run();
    }
    audit(tx, { action: "settings_changed", staffId, detail: { ...values } }, now);
  });
}
