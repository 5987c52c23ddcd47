import type { ReactNode } from "react";
import { Link as AriaLink, type LinkProps as AriaLinkProps } from "react-aria-components";
import { isSitePath, onlyKnownProps, usePlainRendering } from "./plain-html";

export type LinkProps = Omit<AriaLinkProps, "className" | "children"> & {
  variant?: "inline" | "back" | "button" | "door";
  /** A full page load instead of a client navigation (language switch, downloads). */
  reloadDocument?: boolean;
  children: ReactNode;
  className?: string;
};

/** The props PlainLink writes exactly as react-aria's Link does (the rest go through react-aria). */
const PLAIN_PROPS = new Set(["href", "children", "id", "aria-label", "aria-describedby", "aria-current"]);

export function Link({ variant = "inline", reloadDocument, className, ...props }: LinkProps) {
  const classes = ["link", `link--${variant}`, className].filter(Boolean).join(" ");
  const plain = usePlainRendering();
  if (reloadDocument) {
    // A full page load bypasses the client router entirely.
    return (
      <a href={props.href} className={classes} hrefLang={props.hrefLang}>
        {props.children}
      </a>
    );
  }
  if (plain && isSitePath(props.href) && onlyKnownProps(props, PLAIN_PROPS)) {
    return <PlainLink {...props} className={classes} />;
  }
  return (
    <AriaLink
      {...props}
      className={({ isFocusVisible }) => (isFocusVisible ? `${classes} is-focus-visible` : classes)}
    />
  );
}

/** react-aria's Link as the server renders it, without its hooks: for pages that do not hydrate. */
function PlainLink({
  href,
  className,
  children,
  id,
  "aria-label": label,
  "aria-describedby": describedBy,
  "aria-current": current,
}: Pick<LinkProps, "href" | "children" | "id" | "aria-label" | "aria-describedby" | "aria-current"> & {
  className: string;
}) {
  return (
    <a
      id={id}
      className={className}
      data-rac=""
      aria-label={label}
      aria-describedby={describedBy}
      href={href}
      tabIndex={0}
      data-react-aria-pressable="true"
      aria-current={current}
      data-current={current ? "true" : undefined}
    >
      {children}
    </a>
  );
}
