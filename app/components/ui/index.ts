export { ActionForm } from "./ActionForm";
export { Button } from "./Button";
export { ComboBoxField, type ComboOption } from "./ComboBoxField";
export { CheckboxGroup, RadioGroup } from "./ChoiceGroups";
export { fieldId, type Option } from "./field-parts";
export { TextArea } from "./TextArea";
export { TextField } from "./TextField";
export { CSRF_FIELD, ErrorSummary, Form, HONEYPOT_FIELD, type FieldErrors } from "./Form";
export { Link } from "./Link";
