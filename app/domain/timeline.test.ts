import { describe, expect, it } from "vitest";
import { buildTimelines } from "./timeline";

const ev = (id: number, at: number, type: string, reporterVisible: boolean) => ({
  id,
  at,
  type,
  reporterVisible,
  params: null,
  staffName: "Johan",
  text: null,
});

describe("case timelines", () => {
  const events = [
    ev(1, 10, "received", true),
    ev(2, 20, "assigned", false),
    ev(3, 30, "message_from_staff", true),
    ev(4, 40, "note_added", false),
    ev(5, 50, "message_from_reporter", true),
    ev(6, 60, "closed", true),
  ];
  const messages = [
    { id: 1, at: 30, author: "staff" as const, staffName: "Johan", body: "We lezen mee." },
    { id: 2, at: 50, author: "reporter" as const, staffName: null, body: "Dank je." },
  ];
  const notes = [{ id: 1, at: 40, staffName: "Johan", body: "Gebeld." }];

  it("gives the reporter's view: visible events and the messages, each once, in time order", () => {
    const { reporter } = buildTimelines(events, messages, notes);
    expect(
      reporter.map((i) => (i.kind === "event" ? i.type : `${i.kind}:${i.kind === "message" ? i.body : ""}`)),
    ).toEqual(["received", "message:We lezen mee.", "message:Dank je.", "closed"]);
  });

  it("keeps internal events and notes out of it, in their own timeline", () => {
    const { internal } = buildTimelines(events, messages, notes);
    expect(internal.map((i) => (i.kind === "event" ? i.type : i.kind))).toEqual(["assigned", "note"]);
  });
});
