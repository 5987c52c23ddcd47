/**
 * The crisis numbers, in one place. Labels are in locales/<lng>/common.json under `crisis`.
 * Sources: 112 (alarmnummer), 113 Zelfmoordpreventie (113 and free 0800-0113), De Kindertelefoon (free 0800-0432).
 */
export const crisisLines = [
  { id: "emergency", number: "112", tel: "112", short: "" },
  { id: "suicide", number: "0800-0113", tel: "08000113", short: "113" },
  { id: "kindertelefoon", number: "0800-0432", tel: "08000432", short: "" },
] as const;
