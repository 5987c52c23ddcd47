/**
 * A case's two timelines for the case page: what the reporter sees on /volgen (reporter-visible events and
 * the messages both ways) and the internal one (internal events and notes). Message and note texts live
 * in their own tables, so their events are not listed twice.
 */
type Params = Record<string, string | number | boolean> | null;

export type TimelineEvent = {
  id: number;
  at: number;
  type: string;
  reporterVisible: boolean;
  params: Params;
  staffName: string | null;
  text: string | null;
};
export type TimelineMessage = {
  id: number;
  at: number;
  author: "staff" | "reporter";
  staffName: string | null;
  body: string;
};
export type TimelineNote = { id: number; at: number; staffName: string | null; body: string };

export type TimelineItem =
  | {
      kind: "event";
      key: string;
      at: number;
      type: string;
      params: Params;
      staffName: string | null;
      text: string | null;
    }
  | {
      kind: "message";
      key: string;
      at: number;
      author: "staff" | "reporter";
      staffName: string | null;
      body: string;
    }
  | { kind: "note"; key: string; at: number; staffName: string | null; body: string };

const byTime = (a: TimelineItem, b: TimelineItem) => a.at - b.at || a.key.localeCompare(b.key);

const eventItem = ({ id, at, type, params, staffName, text }: TimelineEvent): TimelineItem => ({
  kind: "event",
  key: `e${id}`,
  at,
  type,
  params,
  staffName,
  text,
});

export function buildTimelines(events: TimelineEvent[], messages: TimelineMessage[], notes: TimelineNote[]) {
  const reporter: TimelineItem[] = [
    ...events.filter((e) => e.reporterVisible && !e.type.startsWith("message_")).map(eventItem),
    ...messages.map(({ id, ...m }): TimelineItem => ({ kind: "message", key: `m${id}`, ...m })),
  ].sort(byTime);
  const internal: TimelineItem[] = [
    ...events.filter((e) => !e.reporterVisible && e.type !== "note_added").map(eventItem),
    ...notes.map(({ id, ...n }): TimelineItem => ({ kind: "note", key: `n${id}`, ...n })),
  ].sort(byTime);
  return { reporter, internal };
}
