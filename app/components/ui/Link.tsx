import type { ReactNode } from "react";
import { Link as AriaLink, type LinkProps as AriaLinkProps } from "react-aria-components";

export type LinkProps = Omit<AriaLinkProps, "className" | "children"> & {
  variant?: "inline" | "back" | "button" | "door";
  /** A full page load instead of a client navigation (language switch, downloads). */
  reloadDocument?: boolean;
  children: ReactNode;
  className?: string;
};

export function Link({ variant = "inline", reloadDocument, className, ...props }: LinkProps) {
  const classes = ["link", `link--${variant}`, className].filter(Boolean).join(" ");
  if (reloadDocument) {
    // A full page load bypasses the client router entirely.
    return (
      <a href={props.href} className={classes} hrefLang={props.hrefLang}>
        {props.children}
      </a>
    );
  }
  return (
    <AriaLink
      {...props}
      className={({ isFocusVisible }) => (isFocusVisible ? `${classes} is-focus-visible` : classes)}
    />
  );
}
