/**
 * A browser without JavaScript, over real HTTP: it loads a page, reads its forms from the HTML (the field
 * names, the CSRF token, what is already filled in), fills what it is told for the fields the form has,
 * submits the form the way a browser does (only "successful" controls), and follows redirects. Tests that
 * drive a journey by what the pages ask, not by a list of steps, use it.
 */
import { parse, type HTMLElement } from "node-html-parser";
import { Client, type Reply } from "./http";

export type Page = { url: string; status: number; html: string; doc: HTMLElement };

export type FieldValue = string | readonly string[];

/** Text as a reader gets it: entities decoded, tags gone, no outer spaces. */
export const textOf = (el: HTMLElement | null | undefined) => el?.textContent.trim() ?? "";

export class Browser {
  readonly client: Client;
  page: Page | undefined;

  constructor(opts: { lang?: string; client?: Client } = {}) {
    this.client = opts.client ?? new Client({ lang: opts.lang });
  }

  /** GET a page and follow its redirects. */
  async open(url: string): Promise<Page> {
    return this.follow(await this.client.get(url), url);
  }

  private async follow(reply: Reply, url: string): Promise<Page> {
    let res = reply;
    let at = url;
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.location; hops++) {
      if (hops > 10) throw new Error(`Too many redirects from ${url}`);
      const next = new URL(res.location, new URL(at, "http://page.test"));
      at = next.pathname + next.search;
      res = await this.client.get(at);
    }
    this.page = { url: at, status: res.status, html: res.body, doc: parse(res.body) };
    return this.page;
  }

  /** The form in <main> (the only one, or the one with this id). */
  form(id?: string): HTMLElement {
    const forms = this.current().doc.querySelectorAll("main form");
    const form = id ? forms.find((f) => f.id === id) : forms.find((f) => f.getAttribute("method") === "post");
    if (!form) throw new Error(`No form${id ? ` #${id}` : ""} on ${this.current().url}`);
    return form;
  }

  /** The names of the fields a form offers (honeypot and CSRF token excluded). */
  fieldNames(form: HTMLElement): Set<string> {
    const names = new Set<string>();
    for (const el of form.querySelectorAll("input, textarea, select")) {
      const name = el.getAttribute("name");
      if (name && !["csrf", "website"].includes(name) && el.getAttribute("type") !== "hidden")
        names.add(name);
    }
    return names;
  }

  /**
   * Submits a form with `fill` applied over what it holds, as a browser would: text fields and text areas
   * get the given text, a radio or checkbox group is set to exactly the given values. Returns the page
   * the browser ends on (after redirects).
   */
  async submit(form: HTMLElement, fill: Record<string, FieldValue> = {}): Promise<Page> {
    const body: [string, string][] = [];
    const seen = new Set<string>();
    for (const el of form.querySelectorAll("input, textarea, select")) {
      const name = el.getAttribute("name");
      if (!name || el.hasAttribute("disabled")) continue;
      const type = (el.getAttribute("type") ?? "text").toLowerCase();
      const given = fill[name];
      if (given !== undefined) seen.add(name);
      if (el.tagName === "TEXTAREA") {
        body.push([name, given !== undefined ? String(given) : decodeTextarea(el)]);
      } else if (el.tagName === "SELECT") {
        // A person picks an option by what it says; the browser sends its value.
        const options = el.querySelectorAll("option");
        const option =
          given !== undefined
            ? options.find((o) => o.getAttribute("value") === given || textOf(o) === given)
            : (options.find((o) => o.hasAttribute("selected")) ?? options[0]);
        if (given !== undefined && !option) throw new Error(`${name}: no option "${String(given)}"`);
        if (option) body.push([name, option.getAttribute("value") ?? textOf(option)]);
      } else if (type === "radio" || type === "checkbox") {
        const value = el.getAttribute("value") ?? "on";
        const on = given !== undefined ? [given].flat().includes(value) : el.hasAttribute("checked");
        if (on) body.push([name, value]);
      } else if (type === "submit" || type === "button" || type === "reset" || type === "image") {
        continue;
      } else {
        body.push([name, given !== undefined ? String(given) : (el.getAttribute("value") ?? "")]);
      }
    }
    const missing = Object.keys(fill).filter((k) => !seen.has(k));
    if (missing.length) throw new Error(`${this.current().url}: no field ${missing.join(", ")} to fill`);
    // A plain form's default button has no name in this app; the form posts to its action or to itself.
    const action = form.getAttribute("action") ?? this.current().url;
    return this.follow(await this.client.post(action, body), action);
  }

  /** The error summary's text, for a failure message. */
  errors(): string {
    const summary = this.current().doc.querySelector("[role=alert], .error-summary");
    return textOf(summary);
  }

  current(): Page {
    if (!this.page) throw new Error("No page loaded yet");
    return this.page;
  }
}

/** A text area's initial value: its text with the one leading newline HTML drops. */
function decodeTextarea(el: HTMLElement): string {
  return el.textContent.replace(/^\n/, "");
}

/**
 * Through the question pages of a journey to its check page (a path ending in /controleren), filling on
 * each page the fields it has, as the app's redirects lead: a question that moves to another page keeps
 * working. Fails when a page refuses the answers or when an answer found no field to go in.
 */
export async function answerQuestions(
  b: Browser,
  start: string,
  fields: Record<string, FieldValue>,
): Promise<Page> {
  const used = new Set<string>();
  let page = await b.open(start);
  if (!page.doc.querySelector("main form[method=post]")) {
    const begin = page.doc.querySelector(`main a[href^="${start}/"]`);
    if (!begin) throw new Error(`${page.url}: no way to begin`);
    page = await b.open(begin.getAttribute("href")!);
  }
  for (let steps = 0; !page.url.split("?")[0]!.endsWith("/controleren"); steps++) {
    if (steps > 20) throw new Error(`No check page after 20 pages (at ${page.url})`);
    const form = b.form();
    const names = b.fieldNames(form);
    const fill = Object.fromEntries(Object.entries(fields).filter(([k]) => names.has(k)));
    for (const k of Object.keys(fill)) used.add(k);
    const before = page.url;
    page = await b.submit(form, fill);
    if (page.status !== 200 || page.url === before) {
      throw new Error(`${before} refused valid answers (${page.status}): ${b.errors()}`);
    }
  }
  const unused = Object.keys(fields).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`No page asked for ${unused.join(", ")}`);
  return page;
}

/** Sends the answers from the check page; returns the receipt's code and passphrase. */
export async function sendAnswers(b: Browser): Promise<{ code: string; passphrase: string; page: Page }> {
  const page = await b.submit(b.form());
  if (!/\/bevestiging$/.test(page.url)) throw new Error(`Sending ended on ${page.url}: ${b.errors()}`);
  // The intake's receipt marks its two values; the contact request's receipt is a two-row list.
  const marked = ["case-code", "passphrase"].map((id) => page.doc.querySelector(`[data-testid=${id}]`));
  const values = marked.every(Boolean)
    ? marked.map((dd) => textOf(dd))
    : page.doc.querySelectorAll("section.receipt dd").map((dd) => textOf(dd));
  if (values.length !== 2) throw new Error(`${page.url}: no code and passphrase`);
  return { code: values[0]!, passphrase: values[1]!, page };
}
