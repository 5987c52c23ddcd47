/**
 * The Nu HTML Checker (vnu-jar, on the machine's Java) over the server HTML of every public page, as a
 * browser without JavaScript gets it, in Dutch and English: no errors (issue 15). All pages go to one
 * java run (starting the checker costs seconds; checking a page, milliseconds). Each intake question is
 * reached by answering the ones before it, so the pages are the real ones, not redirects.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Client } from "./helpers/http";
import { contactSteps } from "./helpers/reporter";

const vnu = path.resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");

const staticPages = [
  "/",
  "/over",
  "/privacy",
  "/toegankelijkheid",
  "/veilig-internetten",
  "/verhaal",
  "/klacht",
  "/contact",
  "/bel-mij",
  "/volgen",
  "/bestaat-niet",
];

/** The intake's questions, each with an answer that leads to the next (the consent question included). */
const intakeSteps: [string, Record<string, string> | [string, string][]][] = [
  ["wie", { reporterRole: "close" }],
  ["afdeling", { unit: "unknown" }],
  ["wanneer", { periodFrom: "2019" }],
  ["wat-is-er-gebeurd", { story: "Ik zat veel alleen." }],
  ["onderwerpen", [["themes", "isolation"]]],
  ["organisatie", {}],
  ["veilig", { safeNow: "no" }],
  ["wensen", [["wishes", "investigation"]]],
  ["toestemming", { "consent-igj": "anonymous" }],
  ["contact", { contactMethod: "none" }],
  ["gemeente", {}],
];

async function pagesIn(lng: "nl" | "en"): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const fetchPage = async (client: Client, p: string) => {
    const res = await client.get(`${p}${p.includes("?") ? "&" : "?"}lng=${lng}`);
    expect([200, 404], `${p} (${lng})`).toContain(res.status);
    pages.set(`${lng}${p}`, res.body);
  };
  const visitor = new Client({ lang: lng });
  for (const p of staticPages) await fetchPage(visitor, p);
  for (const base of ["/verhaal", "/klacht"]) {
    const client = new Client({ lang: lng });
    for (const [slug, answer] of intakeSteps) {
      if (slug === "organisatie" && base === "/verhaal") continue;
      await fetchPage(client, `${base}/${slug}`);
      const res = await client.postForm(`${base}/${slug}`, answer);
      expect(res.status, `${base}/${slug}`).toBe(302);
    }
    await fetchPage(client, `${base}/controleren`);
    // An error state too: the error summary and the field's message.
    const wrong = await client.postForm(`${base}/wie?wijzigen=1`, {});
    expect(wrong.status).toBe(400);
    pages.set(`${lng}${base}/wie-error`, wrong.body);
  }
  const contact = new Client({ lang: lng });
  for (const [p, answer] of contactSteps) {
    if (p !== "/contact") await fetchPage(contact, p);
    expect((await contact.postForm(p, answer)).status, p).toBe(302);
  }
  await fetchPage(contact, "/contact/controleren");
  const wrong = await contact.postForm("/contact/bereiken?wijzigen=1", { contactMethod: "phone" });
  expect(wrong.status).toBe(400);
  pages.set(`${lng}/contact/bereiken-error`, wrong.body);
  return pages;
}

type VnuMessage = { type: string; url: string; message: string; lastLine?: number; extract?: string };

describe("the Nu HTML Checker", () => {
  it("finds no errors in the server HTML of any public page, in Dutch and English", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-vnu-"));
    const names = new Map<string, string>();
    for (const lng of ["nl", "en"] as const) {
      for (const [page, html] of await pagesIn(lng)) {
        const file = path.join(dir, `${names.size}.html`);
        fs.writeFileSync(file, html);
        names.set(`file:${file}`, page);
      }
    }
    let out = "";
    try {
      execFileSync("java", ["-Xss4m", "-jar", vnu, "--errors-only", "--format", "json", dir], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 120_000,
      });
    } catch (e) {
      // vnu exits 1 when it finds errors; the JSON report is on stderr either way.
      out = String((e as { stderr?: unknown }).stderr ?? "");
      if (!out.trim().startsWith("{")) throw e;
    }
    const messages = out ? (JSON.parse(out) as { messages: VnuMessage[] }).messages : [];
    const errors = messages
      .filter((m) => m.type === "error")
      .map((m) => `${names.get(m.url) ?? m.url}:${m.lastLine ?? "?"}: ${m.message} [${m.extract ?? ""}]`);
    expect(names.size).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  }, 300_000);
});
