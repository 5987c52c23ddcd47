/** A native <select> of organisations in groups (suggested first): works without JavaScript. */
import { fieldId } from "~/components/ui";

type Org = { id: number; name: string };

export function OrganisationSelect({
  name,
  label,
  hint,
  groups,
  defaultValue,
  error,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  groups: { label: string; options: Org[] }[];
  defaultValue?: string;
  error?: string;
  placeholder: string;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--error staff-field" : "field staff-field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        className="input select"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}
