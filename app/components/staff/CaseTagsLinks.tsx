/**
 * Tags and linked cases on the staff case page, and a case's tags in the queue (issue 16, point 5;
 * ADR 041). Staff-only: nothing here is ever rendered on /volgen or on a referral page. Plain forms: every
 * add, remove, link and unlink is a POST to the case page, with or without JavaScript.
 */
import { Link } from "@remix-run/react";
import { ActionForm, Button, RadioGroup, TextField, type FieldErrors } from "~/components/ui";
import { linkChoices, type LinkRole } from "~/domain/case-links";
import { TAG_MAX_LENGTH, TAGS_PER_CASE_MAX } from "~/domain/case-tags";
import type { CaseStatus, ClosedAs } from "~/domain/vocabulary";
import { useCachedT } from "./use-cached-t";

type Tag = { id: number; name: string };

/**
 * A case's tags as chips; nothing when it has none. `max` keeps a queue row on one line: the rest are
 * counted ("+2"), their names read out to a screen reader.
 */
export function CaseTagList({ tags, label, max }: { tags: Tag[]; label: string; max?: number }) {
  if (tags.length === 0) return null;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const rest = tags.slice(shown.length);
  return (
    <ul className="tag-list" aria-label={label}>
      {shown.map((g) => (
        <li key={g.id} className="tag tag--label">
          {g.name}
        </li>
      ))}
      {rest.length ? (
        <li className="tag tag--label" title={rest.map((g) => g.name).join(", ")}>
          <span aria-hidden="true">+{rest.length}</span>
          <span className="visually-hidden">{rest.map((g) => g.name).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}

export function TagsSection({
  tags,
  suggestions,
  errors,
  typed,
}: {
  tags: Tag[];
  suggestions: string[];
  errors?: FieldErrors;
  typed?: string;
}) {
  const t = useCachedT();
  const offered = suggestions.filter((s) => !tags.some((g) => g.name === s));
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t("tags.heading")}</h2>
      <p>{t("tags.intro")}</p>
      {tags.length === 0 ? (
        <p>{t("tags.none")}</p>
      ) : (
        <ul className="tag-edit-list" aria-label={t("tags.heading")}>
          {tags.map((g) => (
            <li key={g.id}>
              <Link to={`/medewerker?status=all&tag=${g.id}`} className="tag tag--label">
                {g.name}
                <span className="visually-hidden"> {t("tags.allWithTag")}</span>
              </Link>
              <ActionForm id={`untag-${g.id}`} intent="untag" values={{ tagId: g.id }}>
                <Button variant="link">
                  {t("tags.remove")}
                  <span className="visually-hidden"> {t("tags.removeWhich", { tag: g.name })}</span>
                </Button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm id="tag" intent="tag" errors={errors} className="inline-form">
        <TextField
          name="tag"
          label={t("tags.add")}
          hint={t("tags.hint", { max: TAG_MAX_LENGTH, count: TAGS_PER_CASE_MAX })}
          width="medium"
          list={offered.length ? "tag-suggestions" : undefined}
          autoComplete="off"
          spellCheck={false}
          defaultValue={errors ? typed : ""}
          error={errors?.tag}
        />
        {offered.length ? (
          <datalist id="tag-suggestions">
            {offered.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
        <Button variant="secondary">{t("tags.submit")}</Button>
      </ActionForm>
    </section>
  );
}

type CaseLink = {
  id: number;
  role: LinkRole;
  other: { id: number; code: string; status: CaseStatus; closedAs: ClosedAs | null };
};

export function LinksSection({
  links,
  errors,
  typed,
}: {
  links: CaseLink[];
  errors?: FieldErrors;
  typed?: { linkCode: string; linkKind: string };
}) {
  const t = useCachedT();
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{t("links.heading")}</h2>
      {links.length === 0 ? (
        <p>{t("links.none")}</p>
      ) : (
        <ul className="link-list" aria-label={t("links.heading")}>
          {links.map((k) => (
            <li key={k.id}>
              <span>
                {t(`links.roles.${k.role}`)}{" "}
                <Link to={`/medewerker/zaken/${k.other.id}`} className="queue-table__code">
                  {k.other.code}
                </Link>{" "}
                ({k.other.closedAs ? t(`closedAs.${k.other.closedAs}`) : t(`statuses.${k.other.status}`)})
              </span>
              <ActionForm id={`unlink-${k.id}`} intent="unlink" values={{ linkId: k.id }}>
                <Button variant="link">
                  {t("links.remove")}
                  <span className="visually-hidden"> {t("links.removeWhich", { code: k.other.code })}</span>
                </Button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {links.some((k) => k.role === "duplicate_of") ? <p>{t("links.closeHint")}</p> : null}
      <ActionForm id="link" intent="link" errors={errors}>
        <TextField
          name="linkCode"
          label={t("links.code")}
          hint={t("links.codeHint")}
          width="medium"
          autoComplete="off"
          spellCheck={false}
          defaultValue={errors ? typed?.linkCode : ""}
          error={errors?.linkCode}
        />
        <RadioGroup
          name="linkKind"
          label={t("links.kind")}
          options={linkChoices.map((c) => ({ value: c, label: t(`links.choices.${c}`) }))}
          defaultValue={errors ? typed?.linkKind : undefined}
          error={errors?.linkKind}
        />
        <Button variant="secondary">{t("links.submit")}</Button>
      </ActionForm>
    </section>
  );
}
