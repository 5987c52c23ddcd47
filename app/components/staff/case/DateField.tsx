import { fieldId } from "~/components/ui";
import { useCachedT } from "~/components/staff/use-cached-t";

/** A native date field (the browser's picker, typed as YYYY-MM-DD without one), labelled like the others. */
export function DateField(f: {
  name: string;
  label: string;
  hint: string;
  defaultValue?: string;
  error?: string;
}) {
  const t = useCachedT();
  const id = fieldId(f.name);
  return (
    <div className={f.error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {f.label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {f.hint}
      </p>
      {f.error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("common:errorSummary.errorPrefix")} </span>
          {f.error}
        </p>
      ) : null}
      <input
        id={id}
        name={f.name}
        type="date"
        className="input input--medium"
        defaultValue={f.defaultValue}
        aria-describedby={f.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={f.error ? true : undefined}
      />
    </div>
  );
}
