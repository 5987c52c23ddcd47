/**
 * The crisis lines, in one place. Labels are in locales/<lng>/common.json under `crisis`.
 *
 * Numbers as given in the product brief, which checked them against the official sites: 112 (alarmnummer), 113 Zelfmoordpreventie (113, free 0800-0113, chat on 113.nl),
 * De Kindertelefoon (free 0800-0432, under 18), Veilig Thuis (free 0800-2000), De Luisterlijn (088 0767 000,
 * for adults). This code was written without internet access: re-verify every number and address on
 * 112.nl, 113.nl, kindertelefoon.nl, veiligthuis.nl and deluisterlijn.nl before each release.
 */
export type CrisisLine = {
  id: "emergency" | "suicide" | "suicideChat" | "kindertelefoon" | "veiligThuis" | "listening";
  /** The number as people read and say it; empty for a chat. */
  number: string;
  /** Short dialling form mentioned in the label (113). */
  short: string;
  href: string;
};

export const crisisLines: readonly CrisisLine[] = [
  { id: "emergency", number: "112", short: "", href: "tel:112" },
  { id: "suicide", number: "0800-0113", short: "113", href: "tel:08000113" },
  { id: "suicideChat", number: "", short: "", href: "https://www.113.nl/" },
  { id: "kindertelefoon", number: "0800-0432", short: "", href: "tel:08000432" },
  { id: "veiligThuis", number: "0800-2000", short: "", href: "tel:08002000" },
  { id: "listening", number: "088 0767 000", short: "", href: "tel:0880767000" },
];
