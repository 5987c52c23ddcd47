import { describe, expect, it } from "vitest";
import {
  additionRefusal,
  ADDITIONS_PER_DAY,
  ADDITIONS_TOTAL,
  DAY_MS,
  messageRefusal,
  MESSAGES_PER_DAY,
  MESSAGES_TOTAL,
  STORY_TOTAL_MAX,
} from "./case-limits";

const NOW = 1_800_000_000_000;
const additions = (n: number, at: number, length = 10) => Array.from({ length: n }, () => ({ at, length }));

describe("case limits", () => {
  it("additions: per day, in number, and the whole story's size", () => {
    expect(additionRefusal({ textLength: 100, additions: [] }, 10, NOW)).toBeNull();
    expect(
      additionRefusal({ textLength: 100, additions: additions(ADDITIONS_PER_DAY, NOW - 1) }, 10, NOW),
    ).toBe("additionsToday");
    expect(
      additionRefusal({ textLength: 100, additions: additions(ADDITIONS_PER_DAY, NOW - DAY_MS) }, 10, NOW),
    ).toBeNull();
    expect(
      additionRefusal({ textLength: 100, additions: additions(ADDITIONS_TOTAL, NOW - 7 * DAY_MS) }, 10, NOW),
    ).toBe("additionsTotal");
    expect(additionRefusal({ textLength: STORY_TOTAL_MAX - 10, additions: [] }, 10, NOW)).toBeNull();
    expect(additionRefusal({ textLength: STORY_TOTAL_MAX - 10, additions: [] }, 11, NOW)).toBe("storyFull");
  });

  it("messages: per day and in number", () => {
    expect(messageRefusal({ today: MESSAGES_PER_DAY - 1, total: 10 })).toBeNull();
    expect(messageRefusal({ today: MESSAGES_PER_DAY, total: 10 })).toBe("messagesToday");
    expect(messageRefusal({ today: 0, total: MESSAGES_TOTAL })).toBe("messagesTotal");
  });
});
