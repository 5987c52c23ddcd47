/**
 * Limits on what a reporter can add to one case (issue 13, finding 5), over HTTP: past the daily number of
 * additions and messages the answer is 429 with a plain message and the text kept in the field, and the
 * case page does not grow any further.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADDITIONS_PER_DAY, MESSAGES_PER_DAY } from "~/domain/case-limits";
import { escapeHtml } from "./helpers/http";
import { reporterClient } from "./helpers/reporter";

const limits = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../locales/nl/follow.json"), "utf8"),
).limits as Record<string, string>;

describe("a reporter adding to their case", () => {
  it(`is refused after ${ADDITIONS_PER_DAY} additions a day, told why, with the text kept`, async () => {
    const { client } = await reporterClient();
    for (let i = 0; i < ADDITIONS_PER_DAY; i++) {
      const res = await client.postForm("/volgen/toevoegen", { addition: `Aanvulling nummer ${i}` });
      expect(res.status, `addition ${i + 1}`).toBe(302);
    }
    const before = (await client.get("/volgen/zaak")).body.length;
    const refused = await client.postForm("/volgen/toevoegen", { addition: "Deze past niet meer [kept-7f]" });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(escapeHtml(limits.additionsToday!));
    expect(refused.body).toContain("Deze past niet meer [kept-7f]");
    expect((await client.get("/volgen/zaak")).body.length).toBe(before);
  });

  it(`is refused after ${MESSAGES_PER_DAY} messages a day, told why, with the message kept`, async () => {
    const { client } = await reporterClient();
    for (let i = 0; i < MESSAGES_PER_DAY; i++) {
      const res = await client.postForm("/volgen/zaak", { message: `Bericht nummer ${i}` });
      expect(res.status, `message ${i + 1}`).toBe(302);
    }
    const refused = await client.postForm("/volgen/zaak", { message: "Nog een bericht [kept-8e]" });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(escapeHtml(limits.messagesToday!));
    expect(refused.body).toContain("Nog een bericht [kept-8e]");
  });
});
