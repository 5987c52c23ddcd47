import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { TextField } from "~/components/ui/TextField";
import { sendsForm, WRAPPING_FIELD } from "./wrapping-field";

/** The server's markup of a field (its head reads texts; the keys stand in for them here). */
async function markup(field: ReactElement) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: "nl", resources: {} });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, field));
}

describe("the passphrase box without React", () => {
  it("sends the form on Enter", () => {
    expect(sendsForm({ key: "Enter", shiftKey: false })).toBe(true);
  });

  it("leaves Shift+Enter and every other key to the box", () => {
    expect(sendsForm({ key: "Enter", shiftKey: true })).toBe(false);
    expect(sendsForm({ key: "a", shiftKey: false })).toBe(false);
    expect(sendsForm({ key: " ", shiftKey: false })).toBe(false);
    expect(sendsForm({ key: "Tab", shiftKey: false })).toBe(false);
  });

  it("finds the box TextField renders when it wraps, and not its one-line field", async () => {
    const [tag, cls] = WRAPPING_FIELD.split(".", 2);
    const wraps = renderToStaticMarkup(
      createElement(TextField, { name: "passphrase", label: "Phrase", wraps: true }),
    );
    const line = await markup(createElement(TextField, { name: "code", label: "Code" }));
    expect(wraps).toMatch(new RegExp(`<${tag}[^>]*class="[^"]*\\b${cls}\\b`));
    expect(line).not.toContain(cls);
  });
});
