/**
 * Words for referral events on the staff timeline. Events carry the organisation's name and the reference
 * in their params (written when they happened); older events without them get the plain label.
 */
import type { TFunction } from "i18next";

type Params = Record<string, string | number | boolean>;

const timelineKey: Record<string, string> = {
  referral_created: "routing.timeline.created",
  referral_shared: "routing.timeline.shared",
  referral_status: "routing.timeline.status",
  referral_link_renewed: "routing.timeline.renewed",
};

export function partsText(t: TFunction, parts: readonly string[]): string {
  return parts.map((p) => t(`staff:routing.parts.${p}.label`, { defaultValue: p })).join(", ");
}

export function referralEventText(t: TFunction, type: string, p: Params, hasText: boolean): string {
  if (typeof p.organisation !== "string") return t(`staff:events.${type}`, { defaultValue: type });
  return t(timelineKey[type]!, {
    organisation: p.organisation,
    reference: String(p.reference ?? ""),
    parts: partsText(
      t,
      String(p.parts ?? "")
        .split(",")
        .filter(Boolean),
    ),
    status: t(`staff:routing.statuses.${String(p.status)}`, { defaultValue: String(p.status) }),
    context: type === "referral_status" && hasText ? "note" : undefined,
  });
}
