import fs from "node:fs";
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { PlainSessionTimeout } from "~/components/layout/SessionTimeout";
import { KEEP_ALIVE_EVERY_MS, WARN_BEFORE_MS } from "~/domain/lifetimes";

const locale = (lng: string, ns: string) => JSON.parse(fs.readFileSync(`locales/${lng}/${ns}.json`, "utf8"));

/** The dialog the server renders on a page that does not hydrate, in a detached document-like parse. */
async function render(kind: "follow" | "receipt", lng = "nl") {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { follow: locale(lng, "follow"), common: locale(lng, "common") } },
  });
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(PlainSessionTimeout, { info: { kind, endsInMs: 30 * 60_000 }, csrf: "tok" }),
    ),
  );
}

const attr = (html: string, name: string) =>
  new RegExp(`${name}="([^"]*)"`)
    .exec(html)?.[1]
    ?.replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe("the session timeout's dialog on a page that does not hydrate", () => {
  it("carries the timing and the endpoint for the plain-DOM timer", async () => {
    const html = await render("follow");
    expect(html).toMatch(/<dialog[^>]* data-timeout="follow"/);
    expect(attr(html, "data-ends")).toBe(String(30 * 60_000));
    expect(attr(html, "data-warn")).toBe(String(WARN_BEFORE_MS));
    expect(attr(html, "data-every")).toBe(String(KEEP_ALIVE_EVERY_MS));
    expect(attr(html, "data-url")).toBe("/verlengen");
    expect(attr(html, "data-what")).toBe("volgen");
    expect(attr(html, "data-csrf")).toBe("tok");
    expect(attr(html, "data-sign-in")).toBe("/volgen?reden=verlopen");
  });

  it("carries every text it can show, the minutes left as {n}, in the page's language", async () => {
    const en = locale("en", "follow").timeout.follow;
    const html = await render("follow", "en");
    expect(attr(html, "data-warn-title")).toBe(en.warnTitle);
    expect(attr(html, "data-warn-one")).toBe(en.warnText_one);
    expect(attr(html, "data-warn-other")).toBe(en.warnText_other.replace("{{count}}", "{n}"));
    expect(attr(html, "data-last-other")).toBe(
      en.warnLast_other.replace("{{count}}", "{n}").replace("{{hours}}", "8"),
    );
    expect(attr(html, "data-ended-title")).toBe(en.endedTitle);
    expect(attr(html, "data-ended-text")).toBe(en.endedText);
    expect(attr(html, "data-extend")).toBe(en.extend);
    expect(attr(html, "data-close")).toBe(en.close);
    expect(attr(html, "data-again")).toBe(en.signInAgain);
    expect(attr(html, "data-extended")).toBe(locale("en", "follow").timeout.extended);
  });

  it("has the parts the module fills in: title, text, kept, the hidden failure, one button, the quick exit", async () => {
    const html = await render("receipt");
    expect(html).toMatch(/<h2 id="timeout-title"/);
    for (const part of ["data-text", "data-kept", "data-timeout-said"]) expect(html).toContain(`${part}=""`);
    expect(html).toMatch(/<div data-failed="" hidden=""><p class="field__error">/);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toMatch(/<a href="\/weg" class="quick-exit__button"/);
  });

  it("a receipt gets more time only on request, and stays on screen after the end", async () => {
    const html = await render("receipt");
    expect(attr(html, "data-what")).toBe("bewijs");
    expect(html).not.toContain("data-every");
    expect(html).not.toContain("data-sign-in");
    expect(html).not.toContain("data-last-one");
  });
});
