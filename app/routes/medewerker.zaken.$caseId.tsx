/**
 * One case in the back office. The loader gathers the page; the action hands each form to
 * app/server/case-admin/page-actions.server.ts; the sections are in app/components/staff/case/.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReferralPanel } from "~/components/routing/ReferralPanel";
import { CaseActions } from "~/components/staff/case/CaseActions";
import { CaseContact } from "~/components/staff/case/CaseContact";
import { useCaseAction, useCaseData } from "~/components/staff/case/case-data";
import { CaseHeader } from "~/components/staff/case/CaseHeader";
import { CaseStory } from "~/components/staff/case/CaseStory";
import { CaseSummary } from "~/components/staff/case/CaseSummary";
import { CaseTimelines } from "~/components/staff/case/CaseTimelines";
import { ErasedCase } from "~/components/staff/case/ErasedCase";
import { RelatedCases } from "~/components/staff/case/RelatedCases";
import { LinksSection, TagsSection } from "~/components/staff/CaseTagsLinks";
import { can } from "~/domain/roles";
import { deadlineInfo } from "~/domain/case-status";
import { messageRoleChoices } from "~/domain/case-clocks";
import { buildTimelines } from "~/domain/timeline";
import { deadlineBadge } from "~/domain/working-days";
import { queueReturnPath } from "~/domain/queue";
import type { RouteHandle } from "~/route-handle";
import { erasedCase, loadCase } from "~/server/case-admin/view.server";
import { caseClocks } from "~/server/case-clocks.server";
import { casePageAction, caseIdFrom } from "~/server/case-admin/page-actions.server";
import { allTags, linksOf, tagsOfCases } from "~/server/case-tags-links.server";
import { referralPanel } from "~/server/referrals/case-panel.server";
import { activeStaff, staffNames } from "~/server/staff-accounts/team.server";
import { takeFlash } from "~/server/staff-flash.server";
import { requireStaff } from "~/server/staff-session.server";
import { takeStaffUnsent } from "~/server/staff-unsent.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const code = (data as { case?: { code: string } } | undefined)?.case?.code;
    return code ? t("staff:case.title", { code }) : t("staff:title");
  },
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const id = caseIdFrom(params.caseId);
  const url = new URL(request.url);
  const from = url.searchParams.get("terug");
  const backTo = queueReturnPath(from);
  const acted = takeFlash(request, me.id, "acted");
  const headers = acted.setCookie ? { "Set-Cookie": acted.setCookie } : undefined;
  const contactParam = url.searchParams.get("contact");
  const view = loadCase(id, me, {
    contact: contactParam === "show" || contactParam === "hide" ? contactParam : undefined,
    // The page after this person's own action on the case is not a new look at it (issue 16).
    logView: acted.flash?.caseId !== id,
  });
  if (!view) {
    const erased = erasedCase(id);
    if (erased)
      return json(
        { erased: true as const, code: erased.code, erasedAt: erased.erasedAt, backTo },
        { headers },
      );
    throw json({ reason: "not_found" }, { status: 404 });
  }
  const now = Date.now();
  const c = view.case;
  // Typed before the session ran out and kept for this person: back in the boxes this page shows.
  const kept = takeStaffUnsent(
    me.id,
    id,
    c.status === "closed" ? ["note", "reason"] : ["note", "message", "outcome"],
  );
  const timelines = buildTimelines(view.events, view.messages, view.notes);
  return json(
    {
      erased: false as const,
      backTo,
      from,
      case: c,
      story: view.story,
      details: view.details,
      outcome: view.outcome,
      contact: view.contact,
      contactShown: view.contact !== null,
      consents: view.consents,
      related: view.related,
      tags: tagsOfCases([id]).get(id) ?? [],
      tagSuggestions: allTags().map((g) => g.name),
      links: linksOf(id),
      referralPanel: referralPanel(id),
      mayEditOrganisations: can(me.role, "organisations.manage"),
      reporterTimeline: timelines.reporter,
      internalTimeline: timelines.internal,
      staffNames: Object.fromEntries(staffNames().map((s) => [s.id, s.name])),
      staff: activeStaff(),
      meId: me.id,
      done: url.searchParams.get("gedaan"),
      deadline: deadlineInfo(c, now),
      // Every clock that runs, not only the nearest, so the worker sees what else is waiting (ADR 039).
      clocks: caseClocks(id).flatMap(
        (k) => deadlineInfo({ status: c.status, nextDueAt: k.dueAt, nextDueKind: k.which }, now) ?? [],
      ),
      messageRoles: messageRoleChoices(c),
      ackBadge: deadlineBadge(c.ackDueAt, now, c.acknowledgedAt),
      answerBadge: deadlineBadge(c.answerDueAt, now, c.firstAnswerAt),
      kept,
    },
    { headers },
  );
}

export function action({ request, params }: ActionFunctionArgs) {
  return casePageAction(request, params.caseId);
}

export default function CasePage() {
  const data = useLoaderData<typeof loader>();
  return data.erased ? (
    <ErasedCase code={data.code} erasedAt={data.erasedAt} backTo={data.backTo} />
  ) : (
    <CaseView />
  );
}

function CaseView() {
  const data = useCaseData();
  const { actionData, errorsFor, typed } = useCaseAction();
  return (
    <div className="case">
      <CaseHeader />

      <div className="case__layout">
        <div className="case__main">
          <CaseStory />
          <CaseContact />
          <CaseSummary />

          {/* Keyed by what they list: after a change the field starts empty, other actions leave it be. */}
          <TagsSection
            key={`tags-${data.tags.map((g) => g.id).join(",")}`}
            tags={data.tags}
            suggestions={data.tagSuggestions}
            errors={errorsFor("tag") ?? errorsFor("untag")}
            typed={typed.tag}
          />

          <LinksSection
            key={`links-${data.links.map((k) => k.id).join(",")}`}
            links={data.links}
            errors={errorsFor("link") ?? errorsFor("unlink")}
            typed={{ linkCode: typed.linkCode ?? "", linkKind: typed.linkKind ?? "" }}
          />

          <RelatedCases />

          {data.referralPanel ? (
            <ReferralPanel
              panel={data.referralPanel}
              mayEditOrganisations={data.mayEditOrganisations}
              errors={actionData?.intent === "renewLink" ? actionData.errors : undefined}
            />
          ) : null}

          <CaseTimelines />
        </div>

        <CaseActions />
      </div>
    </div>
  );
}
