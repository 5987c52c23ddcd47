import type { ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";

export type ButtonProps = Omit<AriaButtonProps, "className" | "children"> & {
  variant?: "primary" | "secondary" | "warning" | "link";
  children: ReactNode;
  /** Submitted with the form, like a native button's name/value. */
  name?: string;
  value?: string;
};

export function Button({ variant = "primary", type = "submit", ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      type={type}
      className={({ isFocusVisible, isPressed, isDisabled }) =>
        [
          "button",
          `button--${variant}`,
          isFocusVisible && "is-focus-visible",
          isPressed && "is-pressed",
          isDisabled && "is-disabled",
        ]
          .filter(Boolean)
          .join(" ")
      }
    />
  );
}
