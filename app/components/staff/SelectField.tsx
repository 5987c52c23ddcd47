/** A native <select> with a label: works without JavaScript, for GET filter forms and short POST forms. */
import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/ui";

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  idPrefix = "",
  error,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  idPrefix?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = `${idPrefix}${fieldId(name)}`;
  return (
    <div className={error ? "field staff-field field--error" : "field staff-field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("errorSummary.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
