/** A single native checkbox for GET filter forms, styled like the UI kit's choices. */
export function FilterCheckbox({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
}) {
  return (
    <label className="choice choice--checkbox staff-check">
      <input
        type="checkbox"
        name={name}
        value="1"
        defaultChecked={defaultChecked}
        className="visually-hidden"
      />
      <span className="choice__control" aria-hidden="true" />
      <span className="choice__text">
        <span className="choice__label">{label}</span>
      </span>
    </label>
  );
}
