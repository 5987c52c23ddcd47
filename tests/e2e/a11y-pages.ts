/**
 * Every page of the app, public and staff, in a realistic state and in each of its error states, as one
 * table. The accessibility sweep (a11y-sweep.spec.ts) and the reflow checks (reflow.spec.ts) walk it.
 *
 * The table cannot silently miss a page: `uncoveredRoutes()` compares it with the route files in app/routes,
 * and the sweep fails on a route that is neither in the table nor in `notPages` below.
 *
 * Entries run in order in one browser page per group and language: an intake step finds the steps before
 * it answered, the code page follows the password page, the erased-case page follows the erase button.
 */
import fs from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect } from "./expect";
import { eq, sql } from "drizzle-orm";
import {
  createAccessToken,
  INVITE_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  SETUP_TTL_MS,
} from "~/server/access-tokens.server";
import { schema } from "~/server/db.server";
import { codeFor, createStaff, e2eDatabase, seedCase, type TestStaff } from "../helpers/seed-cases";
import { expectErrorState, seed, seedCase as seedFollowCase, text } from "./follow-helpers";
import {
  continueContact,
  contactPagePath,
  fillContactPage,
  type ContactInput,
  type ContactPageId,
} from "./contact-helpers";
import { choose, continueOn, tr, type Kind } from "./intake-helpers";

export type Lng = "nl" | "en";
export type Group = "public" | "staff";

/**
 * Route files that render no page of their own, each with the reason. A new route file must go either
 * here or into the table.
 */
export const notPages: Record<string, string> = {
  "notitie[.]txt": "resource route: the receipt of any journey as a .txt download",
  verlengen: "resource route: the session timer's status (GET) and \"I'm still here\" (POST), JSON",
  "medewerker.verlengen":
    'resource route: the staff session timer\'s status (GET) and "keep working" (POST), JSON',
  healthz: "resource route: the health check for the load balancer",
  "medewerker.statistieken-csv.$table": "resource route: a statistics table as CSV",
  "medewerker.uitloggen": "action only (sign out); GET redirects",
  "volgen.afmelden": "action only (sign out of /volgen); GET redirects",
  weg: "redirect: the quick exit's no-JavaScript link to the neutral site",
  klacht: "layout: wraps the complaint pages (checked through them)",
  verhaal: "layout: wraps the testimony pages (checked through them)",
  medewerker: "layout: the staff frame around every /medewerker page (checked through them)",
};

/** The route ids of app/routes, as Remix names them (file name without extension, test files ignored). */
export function routeIds(): string[] {
  return fs
    .readdirSync(path.resolve("app/routes"))
    .filter((f) => !/\.test\./.test(f) && !f.startsWith("."))
    .map((f) => f.replace(/\.(tsx|ts|jsx|js)$/, ""))
    .sort();
}

type Data = {
  public?: { code: string; passphrase: string; referralPath: string };
  staff?: {
    coordinator: TestStaff;
    colleagueId: number;
    caseId: number;
    erasedCaseId: number;
    referCaseId: number;
    igjId: number;
    regionCode: string;
    invitation: string;
    setup: string;
    passwordReset: string;
  };
};

export type Entry = {
  /** The route file this state belongs to ("(404)" for the root's not-found page). */
  route: string;
  /** Unique within a group: names the state in messages and screenshot files. */
  name: string;
  /** Opened with ?lng=; without it, the page is where the previous entry's `done` left the browser. */
  path?: (data: Data) => string;
  status?: number;
  /** false: the same page, word for word, as another entry's; the engines skip it (reflow does not). */
  engines?: false;
  /** Brings the page into its error state (a form sent empty or wrong). */
  errors?: (page: Page, lng: Lng, data: Data) => Promise<void>;
  /** Answers the page well, so the entries after it find it done. */
  done?: (page: Page, lng: Lng, data: Data) => Promise<void>;
};

const main = (page: Page) => page.getByRole("main");
const press = (page: Page, name: string | RegExp) =>
  main(page)
    .getByRole("button", { name, exact: typeof name === "string" })
    .click();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A text with a {{value}} in it, matched by the part before the value. */
const startingWith = (s: string) => new RegExp(`^${escape(s.split("{{")[0]!)}`);

/**
 * Waits until the page's JavaScript has taken over a freshly loaded document (not for a client-side
 * navigation): React has hydrated it, or, on a page that does not hydrate (ADR 042), the enhancement
 * script has run.
 */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.enhanced !== undefined) return true;
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((k) => k.startsWith("__reactFiber$"));
  });
}

/** Waits until the browser is on a page other than `from` and its scripts have loaded. */
async function arrived(page: Page, url: RegExp) {
  await expect(page).toHaveURL(url);
  await page.waitForLoadState("networkidle");
}

function intake(kind: Kind): Entry[] {
  const base = kind === "testimony" ? "/verhaal" : "/klacht";
  const r = kind === "testimony" ? "verhaal" : "klacht";
  const t = (lng: Lng, key: string, params: Record<string, string | number> = {}) =>
    tr(lng, key, params, kind);
  const cont = (page: Page, lng: Lng) => continueOn(page, lng);
  const step = (
    slug: string,
    errors: Entry["errors"] | undefined,
    done: (page: Page, lng: Lng) => Promise<void>,
  ): Entry => ({
    route: `${r}.$step`,
    name: `${kind}-${slug}`,
    path: () => `${base}/${slug}`,
    // A complaint asks these questions in the testimony's words: the engines check them there.
    ...(kind === "complaint" &&
    ["afdeling", "wanneer", "wat-is-er-gebeurd", "onderwerpen", "veilig", "contact", "gemeente"].includes(
      slug,
    )
      ? { engines: false as const }
      : {}),
    errors,
    done: async (page, lng) => {
      await done(page, lng);
      await cont(page, lng);
      // The next question must be there before the next entry opens it, or the answer is still on its way.
      await expect(page).not.toHaveURL(new RegExp(`${base}/${slug}(\\?|$)`));
      await page.waitForLoadState("networkidle");
    },
  });
  const empty: Entry["errors"] = (page, lng) => cont(page, lng);
  return [
    { route: `${r}._index`, name: `${kind}-start`, path: () => base },
    step("wie", empty, (page, lng) => choose(page, "radio", t(lng, "who.options.young_person.label"))),
    step(
      "afdeling",
      async (page, lng) => {
        await page.getByLabel(t(lng, "unit.unitOther.label")).fill("a\u0007b");
        await cont(page, lng);
      },
      (page, lng) => page.getByLabel(t(lng, "unit.unitOther.label")).fill("Groep 2"),
    ),
    step(
      "wanneer",
      async (page, lng) => {
        await page.getByLabel(t(lng, "unit.period.from")).fill("2021");
        await page.getByLabel(t(lng, "unit.period.to")).fill("2019");
        await cont(page, lng);
      },
      (page, lng) => page.getByLabel(t(lng, "unit.period.to")).fill("2022"),
    ),
    step("wat-is-er-gebeurd", empty, async (page, lng) => {
      await page.getByRole("textbox", { name: t(lng, "what.question") }).fill("Ik zat dagen alleen.");
    }),
    step("onderwerpen", undefined, (page, lng) =>
      choose(page, "checkbox", t(lng, "what.themes.options.isolation")),
    ),
    ...(kind === "complaint"
      ? [step("organisatie", undefined, (page) => page.getByRole("textbox").fill("Horizon"))]
      : []),
    step("veilig", empty, (page, lng) => choose(page, "radio", t(lng, "safe.options.yes"))),
    step("wensen", empty, (page, lng) =>
      choose(page, "checkbox", t(lng, "wishes.options.investigation.label")),
    ),
    step("toestemming", empty, (page, lng) =>
      page
        .getByRole("radiogroup", { name: t(lng, "consent.recipients.igj.label") })
        .getByRole("radio", { name: t(lng, "consent.options.anonymous.label") })
        .check({ force: true }),
    ),
    step("contact", empty, (page, lng) => choose(page, "radio", t(lng, "contact.options.none.label"))),
    step("gemeente", undefined, async () => {}),
    {
      route: `${r}.controleren`,
      name: `${kind}-check`,
      path: () => `${base}/controleren`,
      done: async (page, lng) => {
        await press(page, t(lng, "check.send"));
        await arrived(page, new RegExp(`${base}/bevestiging$`));
      },
    },
    {
      route: `${r}.bevestiging`,
      name: `${kind}-confirmation`,
      done: async (page, lng) => {
        await expect(page.getByTestId("passphrase")).toBeVisible();
        await press(page, t(lng, "follow:receipt.done.button"));
        await expect(page.getByTestId("passphrase")).toHaveCount(0);
      },
    },
    { route: `${r}.bevestiging`, name: `${kind}-confirmation-gone` },
  ];
}

/**
 * One page of the contact request (ADR 037): its error state (the page sent empty) when it has one, then
 * answered, arriving at `next`.
 */
function contactPage(
  route: string,
  name: string,
  id: ContactPageId,
  answers: ContactInput,
  next: RegExp,
  opts: { path?: string; errors?: boolean } = {},
): Entry {
  return {
    route,
    name,
    ...(opts.path ? { path: () => opts.path! } : {}),
    ...(opts.errors === false ? {} : { errors: (page, lng) => continueContact(page, lng) }),
    done: async (page, lng) => {
      await fillContactPage(page, lng, id, answers);
      await continueContact(page, lng);
      await arrived(page, next);
    },
  };
}

const checkPage = /\/contact\/controleren$/;

const contact: Entry[] = [
  contactPage("contact._index", "contact-name", "name", { name: "Sweep" }, contactPagePath.relation, {
    path: "/contact",
  }),
  contactPage("contact.$step", "contact-relation", "relation", { relation: "parent" }, contactPagePath.reach),
  contactPage("contact.$step", "contact-reach", "reach", { phone: "06 1234 5678" }, contactPagePath.call),
  contactPage("contact.$step", "contact-call", "call", { mayLeaveMessage: "no" }, contactPagePath.question),
  contactPage(
    "contact.$step",
    "contact-question",
    "question",
    { question: "Hoe gaat het met mijn zoon?" },
    contactPagePath.knows,
  ),
  contactPage(
    "contact.$step",
    "contact-knows",
    "knows",
    { youngPersonKnows: "unknown" },
    contactPagePath.urgent,
  ),
  contactPage("contact.$step", "contact-urgent", "urgent", { urgent: "no" }, checkPage),
  {
    route: "contact.controleren",
    name: "contact-check",
    done: async (page, lng) => {
      await press(page, text(lng, "contact.check.submit"));
      await arrived(page, /\/contact\/bevestiging$/);
    },
  },
  { route: "contact.bevestiging", name: "contact-confirmation" },
  { route: "contact.bevestiging", name: "contact-confirmation-gone", path: () => "/contact/bevestiging" },
];

/** "I'd rather talk: call me": a young person's contact request, by e-mail (no call page), optional name. */
const callMe: Entry[] = [
  contactPage("bel-mij", "call-me-name", "name", {}, contactPagePath.reach, {
    path: "/bel-mij",
    errors: false,
  }),
  contactPage(
    "contact.$step",
    "call-me-reach",
    "reach",
    { email: "sweep@example.nl" },
    contactPagePath.question,
  ),
  contactPage("contact.$step", "call-me-question", "question", {}, contactPagePath.urgent, { errors: false }),
  contactPage("contact.$step", "call-me-urgent", "urgent", { urgent: "no" }, checkPage),
  {
    route: "contact.controleren",
    name: "call-me-check",
    done: async (page, lng) => {
      await press(page, text(lng, "contact.check.submit"));
      await arrived(page, /\/contact\/bevestiging$/);
    },
  },
  { route: "contact.bevestiging", name: "call-me-confirmation" },
];

const follow: Entry[] = [
  {
    route: "volgen._index",
    name: "follow-sign-in",
    path: () => "/volgen",
    errors: (page, lng) => press(page, text(lng, "signIn.submit")),
    done: async (page, lng, data) => {
      await page.getByLabel(text(lng, "signIn.code.label"), { exact: true }).fill(data.public!.code);
      await page.getByLabel(text(lng, "signIn.passphrase.label")).fill(data.public!.passphrase);
      await press(page, text(lng, "signIn.submit"));
      await arrived(page, /\/volgen\/zaak$/);
    },
  },
  {
    route: "volgen.zaak",
    name: "follow-case",
    errors: (page, lng) => press(page, text(lng, "case.reply.submit")),
  },
  {
    route: "volgen.toevoegen",
    name: "follow-add",
    path: () => "/volgen/toevoegen",
    errors: (page, lng) => press(page, text(lng, "addition.submit")),
  },
  { route: "volgen.delen", name: "follow-consent", path: () => "/volgen/delen" },
  {
    route: "volgen.email",
    name: "follow-news",
    path: () => "/volgen/email",
    errors: async (page, lng) => {
      await page.getByLabel(text(lng, "news.label")).fill("niet-een-adres");
      await press(page, text(lng, "news.submit"));
    },
  },
  {
    route: "volgen.verwijderen",
    name: "follow-erase",
    path: () => "/volgen/verwijderen",
    done: async (page, lng) => {
      await press(page, text(lng, "erase.confirm"));
      await arrived(page, /\/volgen\/verwijderd/);
    },
  },
  { route: "volgen.verwijderd", name: "follow-erased" },
];

const referral: Entry[] = [
  {
    route: "verwijzing.$token",
    name: "referral",
    path: (d) => d.public!.referralPath,
    errors: (page, lng) => press(page, text(lng, "report.submit", {}, "referral")),
  },
  { route: "verwijzing.$token", name: "referral-not-found", path: () => "/verwijzing/kapot", status: 404 },
];

export const publicPages: Entry[] = [
  { route: "_index", name: "home", path: () => "/" },
  { route: "over", name: "about", path: () => "/over" },
  { route: "privacy", name: "privacy", path: () => "/privacy" },
  { route: "toegankelijkheid", name: "accessibility", path: () => "/toegankelijkheid" },
  { route: "veilig-internetten", name: "safe-browsing", path: () => "/veilig-internetten" },
  { route: "(404)", name: "not-found", path: () => "/bestaat-niet", status: 404 },
  ...intake("testimony"),
  ...intake("complaint"),
  ...contact,
  ...callMe,
  ...follow,
  ...referral,
];

const s = (lng: Lng, key: string, values: Record<string, string> = {}) => text(lng, key, values, "staff");

export const staffPages: Entry[] = [
  {
    route: "medewerker.inloggen._index",
    name: "staff-sign-in",
    path: () => "/medewerker/inloggen",
    errors: (page, lng) => press(page, s(lng, "signIn.submit")),
    done: async (page, lng, d) => {
      await page.getByLabel(s(lng, "signIn.email")).fill(d.staff!.coordinator.email);
      await page.getByLabel(s(lng, "signIn.password"), { exact: true }).fill(d.staff!.coordinator.password);
      await press(page, s(lng, "signIn.submit"));
      await arrived(page, /\/medewerker\/inloggen\/code/);
    },
  },
  {
    route: "medewerker.inloggen.code",
    name: "staff-code",
    errors: (page, lng) => press(page, s(lng, "code.submit")),
    done: async (page, lng, d) => {
      await page.getByLabel(s(lng, "code.label")).fill(codeFor(d.staff!.coordinator.totpSecret));
      await press(page, s(lng, "code.submit"));
      await arrived(page, /\/medewerker(\?|$)/);
    },
  },
  { route: "medewerker._index", name: "staff-queue", path: () => "/medewerker?status=all" },
  {
    route: "medewerker._index",
    name: "staff-queue-empty",
    path: () => "/medewerker?kind=contact&status=waiting&overdue=1&unit=none",
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case",
    path: (d) => `/medewerker/zaken/${d.staff!.caseId}?contact=show`,
    errors: (page, lng) => press(page, s(lng, "case.actions.close")),
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case-follow-up",
    path: (d) => `/medewerker/zaken/${d.staff!.caseId}`,
    // The follow-up form sent empty: the date field's own error, outside react-aria's fields.
    errors: (page, lng) => press(page, s(lng, "case.actions.followUpSet")),
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case-tag",
    path: (d) => `/medewerker/zaken/${d.staff!.caseId}`,
    // The tag form sent empty (ADR 041).
    errors: (page, lng) => press(page, s(lng, "tags.submit")),
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case-link",
    path: (d) => `/medewerker/zaken/${d.staff!.caseId}`,
    // The link form sent empty: the code and the choice both missing.
    errors: (page, lng) => press(page, s(lng, "links.submit")),
  },
  { route: "medewerker._index", name: "staff-queue-search", path: () => "/medewerker?q=Sam" },
  {
    route: "medewerker._index",
    name: "staff-queue-search-none",
    path: () => "/medewerker?q=niemand%40example.org",
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case-erased",
    path: (d) => `/medewerker/zaken/${d.staff!.erasedCaseId}`,
  },
  {
    route: "medewerker.zaken.$caseId",
    name: "staff-case-not-found",
    path: () => "/medewerker/zaken/999999",
    status: 404,
  },
  {
    route: "medewerker.zaken.$caseId_.gegevens",
    name: "staff-case-facts",
    path: (d) => `/medewerker/zaken/${d.staff!.caseId}/gegevens`,
    errors: async (page, lng) => {
      await page.getByLabel(s(lng, "facts.labels.periodFrom")).fill("1990");
      await press(page, s(lng, "facts.save"));
    },
  },
  {
    route: "medewerker.zaken.$caseId_.verwijzen",
    name: "staff-refer-choose",
    path: (d) => `/medewerker/zaken/${d.staff!.referCaseId}/verwijzen`,
  },
  {
    route: "medewerker.zaken.$caseId_.verwijzen",
    name: "staff-refer",
    path: (d) => `/medewerker/zaken/${d.staff!.referCaseId}/verwijzen?naar=${d.staff!.igjId}`,
    errors: (page, lng) => press(page, startingWith(s(lng, "routing.create.submit"))),
  },
  {
    route: "medewerker.team._index",
    name: "staff-team",
    path: () => "/medewerker/team",
    errors: (page, lng) => press(page, s(lng, "team.invite.submit")),
  },
  {
    route: "medewerker.team.$staffId",
    name: "staff-member",
    path: (d) => `/medewerker/team/${d.staff!.colleagueId}`,
    errors: (page, lng) => press(page, s(lng, "member.deactivate")),
    done: async (page, lng) => {
      await press(page, s(lng, "memberReset.submit"));
      await expect(page.getByRole("heading", { name: s(lng, "memberReset.madeHeading") })).toBeVisible();
    },
  },
  { route: "medewerker.team.$staffId", name: "staff-member-reset-link" },
  { route: "medewerker.audit", name: "staff-audit", path: () => "/medewerker/audit" },
  {
    route: "medewerker.herstelcodes",
    name: "staff-recovery-codes",
    path: () => "/medewerker/herstelcodes",
    errors: (page, lng) => press(page, s(lng, "recovery.renew")),
  },
  { route: "medewerker.e-mails", name: "staff-alert-settings", path: () => "/medewerker/e-mails" },
  {
    route: "medewerker.invoeren",
    name: "staff-case-entry",
    path: () => "/medewerker/invoeren",
    errors: (page, lng) => press(page, s(lng, "entry.submit")),
  },
  {
    route: "medewerker.wachtwoord",
    name: "staff-password",
    path: () => "/medewerker/wachtwoord",
    errors: (page, lng) => press(page, s(lng, "password.submit")),
  },
  {
    route: "medewerker.wachtwoord-herstellen.$token",
    name: "staff-password-reset",
    path: (d) => `/medewerker/wachtwoord-herstellen/${d.staff!.passwordReset}`,
    errors: (page, lng) => press(page, s(lng, "passwordReset.submit")),
  },
  {
    route: "medewerker.instellingen",
    name: "staff-settings",
    path: () => "/medewerker/instellingen",
    errors: async (page, lng) => {
      await page.getByLabel(text(lng, "settings.auditMonths", {}, "reports")).fill("6");
      await press(page, text(lng, "settings.save", {}, "reports"));
    },
  },
  { route: "medewerker.mail", name: "staff-mail", path: () => "/medewerker/mail" },
  { route: "medewerker.statistieken", name: "staff-statistics", path: () => "/medewerker/statistieken" },
  {
    route: "medewerker.organisaties._index",
    name: "staff-organisations",
    path: () => "/medewerker/organisaties",
  },
  {
    route: "medewerker.organisaties.$orgId",
    name: "staff-organisation",
    path: (d) => `/medewerker/organisaties/${d.staff!.igjId}`,
    errors: async (page, lng) => {
      await page.getByLabel(s(lng, "organisations.edit.email")).fill("meldingen at igj");
      await press(page, s(lng, "organisations.edit.save"));
    },
  },
  {
    route: "medewerker.organisaties.nieuw",
    name: "staff-organisation-new",
    path: () => "/medewerker/organisaties/nieuw",
    errors: (page, lng) => press(page, s(lng, "organisations.new.submit")),
  },
  {
    route: "medewerker.organisaties.regios._index",
    name: "staff-regions",
    path: () => "/medewerker/organisaties/regios",
  },
  {
    route: "medewerker.organisaties.regios.$regionCode",
    name: "staff-region",
    path: (d) => `/medewerker/organisaties/regios/${d.staff!.regionCode}`,
  },
  {
    route: "medewerker.uitnodiging.$token",
    name: "staff-invitation",
    path: (d) => `/medewerker/uitnodiging/${d.staff!.invitation}`,
    errors: (page, lng) => press(page, s(lng, "account.submit")),
  },
  {
    route: "medewerker.uitnodiging.$token",
    name: "staff-invitation-invalid",
    path: () => "/medewerker/uitnodiging/kapot",
    status: 404,
  },
  {
    route: "medewerker.setup.$token",
    name: "staff-setup",
    path: (d) => `/medewerker/setup/${d.staff!.setup}`,
    errors: (page, lng) => press(page, s(lng, "account.submit")),
  },
];

export const pagesOf = (group: Group) => (group === "public" ? publicPages : staffPages);

/** Route files that are neither in the table nor known not to be pages. */
export function uncoveredRoutes(): { missing: string[]; unknown: string[] } {
  const ids = routeIds();
  const covered = new Set([...publicPages, ...staffPages].map((e) => e.route));
  return {
    missing: ids.filter((id) => !covered.has(id) && !(id in notPages)),
    unknown: [...covered, ...Object.keys(notPages)].filter((id) => id !== "(404)" && !ids.includes(id)),
  };
}

/** The data the pages need, fresh for each walk (a follow case is erased at the end of it). */
export async function prepare(group: Group, lng: Lng): Promise<Data> {
  if (group === "public") {
    const c = seedFollowCase(lng, lng === "nl" ? "Hoi, we hebben je klacht gelezen." : "Hi, we read it.");
    const { link } = seed<{ link: string }>("referral-link");
    return { public: { code: c.code, passphrase: c.passphrase, referralPath: new URL(link).pathname } };
  }
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  const colleague = await createStaff(db, { role: "ombudsworker" });
  // Another account: the member page's new link for the colleague would withdraw this one.
  const forgetful = await createStaff(db, { role: "ombudsworker" });
  const withContact = seedCase(db, {
    kind: "complaint",
    urgent: true,
    contact: { name: "Sam", phone: "06 12345678", safeTimes: "na 18:00" },
    reporterMessages: ["Bel me na vijven."],
  });
  const erased = seedCase(db, { kind: "testimony" });
  // What erasure leaves of a case (erasure.server.ts), without its mail side effects.
  db.update(schema.cases)
    .set({ erasedAt: Date.now(), status: "closed", storyEnc: null, detailsEnc: null, contactEnc: null })
    .where(eq(schema.cases.id, erased.id))
    .run();
  const toRefer = seedCase(db, {
    kind: "complaint",
    wishes: ["investigation"],
    consents: { igj: true, ozj: false, gemeente: false },
  });
  const igj = db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.kind, "igj"))
    .get()!;
  // The refer page offers its form only for an organisation with an address for referrals.
  db.update(schema.organisations)
    .set({ referralEmail: sql`coalesce(${schema.organisations.referralEmail}, 'meldingen@igj.example')` })
    .where(eq(schema.organisations.id, igj.id))
    .run();
  const region = db.select({ code: schema.regions.code }).from(schema.regions).get()!;
  return {
    staff: {
      coordinator,
      colleagueId: colleague.id,
      caseId: withContact.id,
      erasedCaseId: erased.id,
      referCaseId: toRefer.id,
      igjId: igj.id,
      regionCode: region.code,
      invitation: createAccessToken("invite", "ombudsworker", { ttlMs: INVITE_TTL_MS, db }),
      setup: createAccessToken("setup", "coordinator", { ttlMs: SETUP_TTL_MS, db }),
      passwordReset: createAccessToken("password_reset", "ombudsworker", {
        ttlMs: PASSWORD_RESET_TTL_MS,
        forStaffId: forgetful.id,
        db,
      }),
    },
  };
}

export type Visit = (entry: Entry, state: { name: string; error: boolean }) => Promise<void>;

/**
 * Walks a group's pages in one browser page: opens each (or finds it where the previous one led), calls
 * `visit` on it, then on its error state, then answers it for the entries that follow.
 */
export async function walk(page: Page, group: Group, lng: Lng, visit: Visit, { js = true } = {}) {
  const data = await prepare(group, lng);
  for (const entry of pagesOf(group)) {
    if (entry.path) {
      const target = entry.path(data);
      const response = await page.goto(`${target}${target.includes("?") ? "&" : "?"}lng=${lng}`);
      expect(response?.status(), `${entry.name}: HTTP status`).toBe(entry.status ?? 200);
      // Not sent elsewhere (an intake step redirects to the first unanswered one).
      expect(new URL(page.url()).pathname, entry.name).toBe(target.split("?")[0]);
      // A fresh document: checked once React has taken it over (its nodes carry a fiber), which comes
      // sooner than half a second of network silence. Without JavaScript the loaded HTML is the page.
      if (js) await hydrated(page);
    }
    await expect(page.locator("html"), entry.name).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 }), entry.name).toBeVisible();
    await visit(entry, { name: entry.name, error: false });
    if (entry.errors) {
      await entry.errors(page, lng, data);
      await expectErrorState(page, lng);
      await page.waitForLoadState("networkidle");
      await visit(entry, { name: `${entry.name}-error`, error: true });
    }
    if (entry.done) await entry.done(page, lng, data);
  }
}
