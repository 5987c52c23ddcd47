/**
 * One person's access never reaches another's data: a reporter signed in to one case cannot read or write
 * another by adding or changing an id, and an organisation's link opens its own referral only, not another
 * (a token edited to name another referral fails its signature), and nothing after it expires. And one
 * visitor's language never reaches another's page, even when their requests are served at the same time
 * (the server shares one i18next instance per language between requests).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/server/db.server";
import { signLink } from "~/server/signed-links.server";
import { addReferral, organisationId, staffMessage } from "../helpers/follow-fixtures";
import { serverDb } from "./helpers/db";
import { Client } from "./helpers/http";
import { followedCase, referralContent, reporterClient } from "./helpers/reporter";

describe("a reporter's session", () => {
  it("opens its own case only, whatever id is added to the address or the form", async () => {
    const a = await followedCase();
    const b = await followedCase();
    staffMessage(a.caseId, "bericht-voor-zaak-A");
    staffMessage(b.caseId, "bericht-voor-zaak-B");
    const { client } = await reporterClient(a);
    const token = await client.csrf();
    for (const p of [
      "/volgen/zaak",
      `/volgen/zaak?caseId=${b.caseId}`,
      `/volgen/zaak?id=${b.caseId}&code=${encodeURIComponent(b.codeText)}`,
      `/volgen/delen?caseId=${b.caseId}`,
      `/volgen/toevoegen?caseId=${b.caseId}`,
    ]) {
      const res = await client.get(p);
      expect(res.status, p).toBe(200);
      expect(res.body, p).not.toContain("bericht-voor-zaak-B");
      if (p.startsWith("/volgen/zaak")) expect(res.body, p).toContain("bericht-voor-zaak-A");
    }
    expect((await client.get(`/volgen/zaak/${b.caseId}`)).status).toBe(404);

    // A reply with another case's id in the form lands in the reporter's own case.
    const reply = await client.post(`/volgen/zaak?caseId=${b.caseId}`, [
      ["csrf", token],
      ["caseId", String(b.caseId)],
      ["message", "antwoord-van-A"],
    ]);
    expect(reply.status).toBe(302);
    const db = serverDb();
    const inB = db.select().from(schema.messages).where(eq(schema.messages.caseId, b.caseId)).all();
    const inA = db.select().from(schema.messages).where(eq(schema.messages.caseId, a.caseId)).all();
    expect(inB.every((m) => m.author === "staff")).toBe(true);
    expect(inA.some((m) => m.author === "reporter")).toBe(true);
  });

  it("another browser without the session gets nothing, with or without the case's id", async () => {
    const a = await followedCase();
    staffMessage(a.caseId, "geheim-bericht");
    const stranger = new Client();
    for (const p of [
      "/volgen/zaak",
      `/volgen/zaak?caseId=${a.caseId}`,
      "/volgen/delen",
      "/volgen/toevoegen",
    ]) {
      const res = await stranger.get(p);
      expect(res.status, p).toBe(302);
      expect(res.location, p).toMatch(/^\/volgen(\?|$)/);
      expect(res.body).not.toContain("geheim-bericht");
    }
  });
});

describe("an organisation's link", () => {
  it("opens its own referral only, not another by editing the token, and nothing once expired", async () => {
    const db = serverDb();
    const a = await followedCase();
    const b = await followedCase();
    const igj = organisationId("igj", db);
    const refA = addReferral(a.caseId, igj, {
      status: "sent",
      content: referralContent("inhoud-van-verwijzing-A"),
    });
    const refB = addReferral(b.caseId, igj, {
      status: "sent",
      content: referralContent("inhoud-van-verwijzing-B"),
    });
    const rowOf = (id: number) =>
      db.select().from(schema.referrals).where(eq(schema.referrals.id, id)).get()!;
    const a1 = rowOf(refA);
    const b1 = rowOf(refB);
    const tokenA = signLink({ referralId: refA, version: a1.linkVersion, expiresAt: a1.linkExpiresAt });
    const client = new Client();

    const own = await client.get(`/verwijzing/${tokenA}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(`R-${refA}`);
    expect(own.body).not.toContain(`R-${refB}`);
    expect(own.body).not.toContain("inhoud-van-verwijzing-B");

    // A's signature with B's id (and B's real version and expiry) in the payload.
    const [, sigA] = tokenA.split(".");
    const payloadB = Buffer.from(`${refB}.${b1.linkVersion}.${b1.linkExpiresAt}`).toString("base64url");
    const edited = `${payloadB}.${sigA}`;
    // A valid token for A's id with B's version and expiry: signed, but not what A's link says.
    const mixed = signLink({ referralId: refA, version: a1.linkVersion + 1, expiresAt: a1.linkExpiresAt });
    const expired = signLink({ referralId: refA, version: a1.linkVersion, expiresAt: Date.now() - 1_000 });
    const csrf = await client.csrf();
    for (const [name, token] of Object.entries({ edited, mixed, expired, garbage: "abc.def" })) {
      const get = await client.get(`/verwijzing/${token}`);
      expect([404, 410], `GET ${name}`).toContain(get.status);
      expect(get.body).not.toContain("inhoud-van-verwijzing");
      const post = await client.post(`/verwijzing/${token}`, { csrf, status: "received", note: "" });
      expect([404, 410], `POST ${name}`).toContain(post.status);
    }
    expect(rowOf(refA).status).toBe("sent");
    expect(rowOf(refB).status).toBe("sent");

    // Once the referral's own expiry has passed, its signed link is refused too.
    db.update(schema.referrals)
      .set({ linkExpiresAt: Date.now() - 1_000 })
      .where(eq(schema.referrals.id, refA))
      .run();
    const late = signLink({ referralId: refA, version: a1.linkVersion, expiresAt: Date.now() - 1_000 });
    expect([404, 410]).toContain((await client.get(`/verwijzing/${late}`)).status);
  });
});

describe("languages", () => {
  it("never mix between pages served at the same time, however the language is chosen", async () => {
    const ways = [
      { lang: "en", path: "/", headers: { "Accept-Language": "en-GB, nl;q=0.5" } },
      { lang: "nl", path: "/", headers: { "Accept-Language": "nl" } },
      { lang: "en", path: "/verhaal/wie?lng=en", headers: { "Accept-Language": "nl" } },
      { lang: "nl", path: "/verhaal/wie?lng=nl", headers: { "Accept-Language": "en" } },
      { lang: "en", path: "/over", headers: { "Accept-Language": "nl", Cookie: "lng=en" } },
      { lang: "nl", path: "/over", headers: { "Accept-Language": "en", Cookie: "lng=nl" } },
    ] as const;
    const skipLink = { nl: "Ga direct naar de inhoud", en: "Skip to main content" };
    const client = new Client();
    const replies = await Promise.all(
      Array.from({ length: 120 }, (_, i) => ways[i % ways.length]!).map(async (way) => ({
        way,
        reply: await client.request("GET", way.path, { headers: way.headers }),
      })),
    );
    for (const { way, reply } of replies) {
      expect(reply.status, way.path).toBe(200);
      expect(reply.body, `${way.path} in ${way.lang}`).toContain(`<html lang="${way.lang}"`);
      expect(reply.body, `${way.path} in ${way.lang}`).toContain(skipLink[way.lang]);
      const other = way.lang === "nl" ? "en" : "nl";
      expect(reply.body, `${way.path} in ${way.lang}`).not.toContain(skipLink[other]);
    }
  });
});
