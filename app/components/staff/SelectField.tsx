/** A native <select> with a label: works without JavaScript, for GET filter forms. */
import { fieldId } from "~/components/ui";

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  idPrefix = "",
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  idPrefix?: string;
}) {
  const id = `${idPrefix}${fieldId(name)}`;
  return (
    <div className="field staff-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className="input select">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
