import { describe, expect, it } from "vitest";
import { fieldId } from "~/components/ui/field-parts";
import { CONTROLS, controlOf, fragmentId } from "./error-summary";

/** An element as the rule sees it: whether it is a control, and what it holds. */
function el(control: boolean, inside: object | null = null) {
  return { matches: (s: string) => s === CONTROLS && control, querySelector: () => inside };
}

describe("the error summary's links without React", () => {
  it("read the id of the field they name, as ErrorSummary writes it", () => {
    expect(fragmentId(`#${fieldId("name")}`)).toBe("field-name");
    expect(fragmentId("#field-na%C3%AFve")).toBe("field-naïve");
  });

  it("name nothing on this page when the address goes elsewhere or is broken", () => {
    expect(fragmentId(null)).toBeNull();
    expect(fragmentId("#")).toBeNull();
    expect(fragmentId("/contact#field-name")).toBeNull();
    expect(fragmentId("#%E0%A4%A")).toBeNull();
  });

  it("focus the named element when it is a control", () => {
    const input = el(true);
    expect(controlOf(input)).toBe(input);
  });

  it("focus the first control inside the named field (a radio group, a field's wrapper)", () => {
    const first = el(true);
    expect(controlOf(el(false, first))).toBe(first);
  });

  it("leave the browser's own jump when there is nothing to focus (the form's own error)", () => {
    expect(controlOf(el(false))).toBeNull();
    expect(controlOf(null)).toBeNull();
  });
});
