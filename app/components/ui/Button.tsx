import { useId, type ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";
import { onlyKnownProps, usePlainRendering } from "./plain-html";

export type ButtonProps = Omit<AriaButtonProps, "className" | "children"> & {
  variant?: "primary" | "secondary" | "warning" | "link";
  children: ReactNode;
  /** Submitted with the form, like a native button's name/value. */
  name?: string;
  value?: string;
};

/** The props PlainButton writes exactly as react-aria's Button does (the rest go through react-aria). */
const PLAIN_PROPS = new Set([
  "children",
  "id",
  "form",
  "name",
  "value",
  "aria-label",
  "aria-describedby",
  // Only a browser presses: nothing of it is in the server's HTML.
  "onPress",
  "isDisabled",
]);

export function Button({ variant = "primary", type = "submit", ...props }: ButtonProps) {
  const plain = usePlainRendering();
  const classes = (isFocusVisible: boolean, isPressed: boolean, isDisabled: boolean) =>
    [
      "button",
      `button--${variant}`,
      isFocusVisible && "is-focus-visible",
      isPressed && "is-pressed",
      isDisabled && "is-disabled",
    ]
      .filter(Boolean)
      .join(" ");
  if (plain && !props.isDisabled && onlyKnownProps(props, PLAIN_PROPS)) {
    return <PlainButton {...props} type={type} className={classes(false, false, false)} />;
  }
  return (
    <AriaButton
      {...props}
      type={type}
      className={({ isFocusVisible, isPressed, isDisabled }) =>
        classes(isFocusVisible, isPressed, isDisabled)
      }
    />
  );
}

/** react-aria's Button as the server renders it, without its hooks: for pages that do not hydrate. */
function PlainButton({
  id,
  type,
  className,
  form,
  name,
  value,
  children,
  "aria-label": label,
  "aria-describedby": describedBy,
}: Pick<
  ButtonProps,
  "id" | "type" | "form" | "name" | "value" | "children" | "aria-label" | "aria-describedby"
> & {
  className: string;
}) {
  // react-aria names a button without an id after React's id of the same place in the tree, last.
  const generated = `react-aria-${useId()}`;
  const attributes = {
    className,
    "data-rac": "",
    type,
    form,
    name,
    value,
    tabIndex: 0,
    "data-react-aria-pressable": "true",
    "aria-label": label,
    "aria-describedby": describedBy,
  };
  return (
    <button {...(id === undefined ? { ...attributes, id: generated } : { id, ...attributes })}>
      {children}
    </button>
  );
}
