export { ActionForm } from "./ActionForm";
export { Button } from "./Button";
export { ComboBoxField, type ComboOption } from "./ComboBoxField";
export { CheckboxGroup, RadioGroup, TextArea, TextField, fieldId, type Option } from "./fields";
export { CSRF_FIELD, ErrorSummary, Form, HONEYPOT_FIELD, type FieldErrors } from "./Form";
export { Link } from "./Link";
