import { describe, expect, it } from "vitest";
import { z } from "zod";
import { freeText } from "~/domain/form-input";
import { accountSchema, NAME_MAX } from "~/domain/staff-forms";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/resources.server";
import { randomToken } from "~/server/crypto.server";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import { parseStaffForm } from "~/server/staff-form.server";
import { parseForm, parseInput } from "./parse-form.server";
import { intakeRefusal, publicRefusal, staffRefusal } from "./refusals.server";

const TOKEN = randomToken(32);

/** A form post from a browser of this site (cookie and field agree), unless told otherwise. */
function post(
  fields: Record<string, string>,
  opts: { cookie?: string | null; token?: string | null; lang?: Language } = {},
): Request {
  const body = new URLSearchParams(fields);
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) body.set("csrf", token);
  const cookie = opts.cookie === undefined ? TOKEN : opts.cookie;
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie !== null) headers.Cookie = `ap_csrf=${cookie}`;
  if (opts.lang) headers["Accept-Language"] = opts.lang;
  return new Request("http://localhost/volgen/zaak", { method: "POST", body, headers });
}

const schema = z.object({ message: freeText({ max: 10 }), name: freeText({ max: 100, optional: true }) });
const publicOpts = (lang: Language) => ({ t: getFixedT(lang), refusal: publicRefusal });

describe("parseForm: refused before the fields are read", () => {
  it.each([
    ["no CSRF cookie", { cookie: null }],
    ["no token in the form", { token: null }],
    ["a token that is not the cookie's", { token: randomToken(32) }],
  ])("%s: the form has expired, in Dutch and English, and the input is kept", async (_, opts) => {
    const nl = await parseForm(post({ message: "hallo" }, opts), schema, publicOpts("nl"));
    const en = await parseForm(post({ message: "hallo" }, opts), schema, publicOpts("en"));
    expect(nl).toMatchObject({ ok: false, refused: "csrf" });
    expect(nl.ok ? null : nl.errors).toEqual({
      form: "Het formulier was verlopen. We hebben je antwoorden bewaard: verstuur het nog een keer.",
    });
    expect(en.ok ? null : en.errors).toEqual({
      form: "The form had expired. We kept your answers: please send it again.",
    });
    expect(nl.form.get("message")).toBe("hallo");
  });

  it("a filled honeypot is refused after a good token, in the page's own words", async () => {
    const f = await parseForm(post({ message: "hallo", website: "spam.example" }), schema, publicOpts("nl"));
    expect(f).toMatchObject({ ok: false, refused: "honeypot" });
    expect(f.ok ? null : f.errors).toEqual({
      form: "Er ging iets mis met het formulier. Verstuur het nog een keer.",
    });
  });

  it("a refusal is checked before the schema: a bad token with bad fields says only the token", async () => {
    const f = await parseForm(post({ message: "" }, { token: null }), schema, publicOpts("en"));
    expect(f.ok ? null : Object.keys(f.errors)).toEqual(["form"]);
  });
});

describe("parseForm: the schema's problems as messages", () => {
  it("gives the value, normalised, for a good form", async () => {
    const f = await parseForm(post({ message: "  hoi\r\ndaar " }), schema, publicOpts("nl"));
    expect(f).toMatchObject({ ok: true, data: { message: "hoi\ndaar", name: "" } });
  });

  it("translates the first problem of each field in Dutch and English, with its values", async () => {
    const fields = { message: "much too long a message", name: "" };
    const nl = await parseForm(post(fields), schema, publicOpts("nl"));
    const en = await parseForm(post(fields), schema, publicOpts("en"));
    expect(nl.ok ? null : nl.errors).toEqual({ message: "Maak dit korter: het mag maximaal 10 tekens zijn" });
    expect(en.ok ? null : en.errors).toEqual({
      message: "Make this shorter: it can be at most 10 characters",
    });
    expect(nl.ok ? null : nl.refused).toBeNull();
    expect(nl.form.get("message")).toBe(fields.message);
  });

  it.each(["0000", "0007", "001B", "007F", "0085", "202E", "2066"])(
    "refuses control character U+%s under the one policy",
    async (hex) => {
      const c = String.fromCodePoint(parseInt(hex, 16));
      const f = await parseForm(post({ message: `a${c}b` }), schema, publicOpts("en"));
      expect(f.ok ? null : f.errors).toEqual({
        message:
          "There are invisible characters in it that we cannot store. Type the text again or remove those characters.",
      });
    },
  );

  it("keeps tabs and line ends", async () => {
    const f = await parseForm(post({ message: "a\tb\nc" }), schema, publicOpts("en"));
    expect(f).toMatchObject({ ok: true, data: { message: "a\tb\nc" } });
  });

  it("fills shared placeholders, a problem's own values first", async () => {
    const withMax = z.object({ message: freeText({ max: 10 }) });
    const f = await parseForm(post({ message: "much too long" }), withMax, {
      ...publicOpts("en"),
      messageValues: { max: 999 },
    });
    expect(f.ok ? null : f.errors.message).toBe("Make this shorter: it can be at most 10 characters");
  });

  it("reads what `input` picks from the form", async () => {
    const f = await parseForm(post({ note: "from note" }), schema, {
      ...publicOpts("nl"),
      input: (form) => ({ message: form.get("note") }),
    });
    expect(f).toMatchObject({ ok: true, data: { message: "from note" } });
  });
});

describe("the wrappers", () => {
  it("parseStaffForm: a refusal of either kind is the expired form on the named field", async () => {
    const fields = { name: "Anna", email: "a@example.org", password: "x".repeat(12) };
    const refused = [
      post(fields, { token: null, lang: "en" }),
      post({ ...fields, website: "bot" }, { lang: "en" }),
    ];
    for (const request of refused) {
      const f = await parseStaffForm(request, accountSchema, { csrfField: "name" });
      expect(f.ok ? null : f.errors).toEqual({
        name: "The form had expired. We kept your answers: please send it again.",
      });
    }
  });

  it("parseStaffForm: staff keys in the reader's language, with the message values", async () => {
    const fields = { name: "x".repeat(NAME_MAX + 1), email: "a@example.org" };
    const opts = { csrfField: "name", messageValues: { max: NAME_MAX } };
    const nl = await parseStaffForm(post(fields, { lang: "nl" }), accountSchema, opts);
    const en = await parseStaffForm(post(fields, { lang: "en" }), accountSchema, opts);
    expect(nl.ok ? null : nl.errors.name).toBe(`Maak dit korter: het mag maximaal ${NAME_MAX} tekens zijn`);
    expect(en.ok ? null : en.errors.name).toBe(`Make this shorter: it can be at most ${NAME_MAX} characters`);
    expect(en.ok ? null : en.errors.password).toBe(getFixedT("en", "staff")("errors.passwordRequired"));
    expect(nl.form.get("name")).toBe(fields.name);
  });

  it("formProblem and messagesOf (/volgen, /contact) say what the pipeline says", async () => {
    const request = post({ message: "hi", website: "bot" }, { lang: "en" });
    const problems = formProblem(request, await request.clone().formData());
    expect(problems).toEqual(publicRefusal("honeypot"));
    expect(messagesOf(request, problems!)).toEqual({
      form: "Something went wrong with the form. Please send it again.",
    });
    const fine = post({ message: "hi" });
    expect(formProblem(fine, await fine.clone().formData())).toBeNull();
  });

  it("parseInput gives the problems as keys for pages that reword them before translating", () => {
    expect(parseInput(schema, { message: "" })).toEqual({
      ok: false,
      problems: { message: { key: "errors:required", values: undefined } },
    });
  });

  it("the intake says an expired form, or a form problem for the honeypot, on its first field", () => {
    const t = getFixedT("nl");
    expect(t(intakeRefusal("story")("csrf").story!.key)).toBe(t("errors:csrf"));
    expect(intakeRefusal("story")("honeypot")).toEqual({ story: { key: "errors:formProblem" } });
    expect(staffRefusal("note")("honeypot")).toEqual({ note: { key: "errors:csrf" } });
  });
});
