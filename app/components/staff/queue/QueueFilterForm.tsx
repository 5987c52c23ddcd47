/** The queue's filters: a GET form, so a filtered view can be bookmarked and works without JavaScript. */
import { Form, useSubmit } from "@remix-run/react";
import { FilterActions } from "~/components/staff/FilterActions";
import { FilterCheckbox } from "~/components/staff/FilterCheckbox";
import { SelectField } from "~/components/staff/SelectField";
import { useCachedT } from "~/components/staff/use-cached-t";
import { caseKinds } from "~/domain/case-status";
import { queueSorts, type QueueFilters } from "~/domain/queue";
import type { QueueData } from "./queue-data";

export function QueueFilterForm({
  filters: f,
  options,
  meId,
}: {
  filters: QueueFilters;
  options: Extract<QueueData, { mode: "queue" }>["options"];
  meId: number;
}) {
  const t = useCachedT();
  const submit = useSubmit();
  return (
    <Form
      method="get"
      action="/medewerker"
      className="queue-filters"
      aria-label={t("queue.filters.heading")}
      // With JavaScript a changed filter applies at once; without it the button sends the form.
      onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}
    >
      {f.status !== "open" ? <input type="hidden" name="status" value={f.status} /> : null}
      <div className="queue-filters__grid">
        <SelectField
          name="kind"
          label={t("queue.filters.kind")}
          defaultValue={f.kind ?? ""}
          options={[
            { value: "", label: t("queue.filters.anyKind") },
            ...caseKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          ]}
        />
        <SelectField
          name="unit"
          label={t("queue.filters.unit")}
          defaultValue={f.unit === undefined ? "" : String(f.unit)}
          options={[
            { value: "", label: t("queue.filters.anyUnit") },
            ...options.units.map((u) => ({ value: String(u.id), label: u.name })),
            { value: "none", label: t("queue.filters.noUnit") },
          ]}
        />
        <SelectField
          name="assignee"
          label={t("queue.filters.assignee")}
          defaultValue={f.assignee === undefined ? "" : String(f.assignee)}
          options={[
            { value: "", label: t("queue.filters.anyone") },
            { value: "mine", label: t("queue.filters.mine") },
            { value: "nobody", label: t("queue.filters.nobody") },
            ...options.staff
              .filter((s) => s.id !== meId)
              .map((s) => ({ value: String(s.id), label: s.name })),
          ]}
        />
        {/* No labels made yet: nothing to filter by, and the row keeps its room. */}
        {options.tags.length > 0 || f.tag !== undefined ? (
          <SelectField
            name="tag"
            label={t("queue.filters.tag")}
            defaultValue={f.tag === undefined ? "" : String(f.tag)}
            options={[
              { value: "", label: t("queue.filters.anyTag") },
              ...options.tags.map((g) => ({ value: String(g.id), label: g.name })),
            ]}
          />
        ) : null}
        <SelectField
          name="sort"
          label={t("queue.filters.sort")}
          defaultValue={f.sort}
          options={queueSorts.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
        />
        <div className="queue-filters__checks">
          <FilterCheckbox name="overdue" label={t("queue.filters.overdue")} defaultChecked={f.overdue} />
          <FilterCheckbox name="urgent" label={t("queue.filters.urgent")} defaultChecked={f.urgent} />
        </div>
        <FilterActions
          submitLabel={t("queue.filters.apply")}
          clearLabel={t("queue.filters.clear")}
          clearTo="/medewerker"
        />
      </div>
    </Form>
  );
}
