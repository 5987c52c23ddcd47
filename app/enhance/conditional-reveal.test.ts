import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useReveal } from "~/components/intake/reveal";
import { CONDITION, controlledBy, REVEAL, shows } from "./conditional-reveal";

const box = (id: string, when: string) => ({ id, dataset: { revealWhen: when } });

describe("the conditional reveal without React", () => {
  it("shows a box while one of its choices is picked, and hides it otherwise", () => {
    expect(shows("email", ["email"])).toBe(true);
    expect(shows("email phone", ["phone"])).toBe(true);
    expect(shows("email phone", ["none"])).toBe(false);
    expect(shows("email", [])).toBe(false);
    expect(shows(undefined, ["email"])).toBe(false);
    expect(shows("", [""])).toBe(false);
  });

  it("names in each choice's aria-controls the boxes it shows, and none for a choice that shows nothing", () => {
    // The intake's contact page: "reachable" (name, safe times) comes with either way.
    const boxes = [
      box("reveal-email", "email"),
      box("reveal-phone", "phone"),
      box("reveal-reachable", "email phone"),
      box("reveal-phone-message", "phone"),
    ];
    expect(controlledBy(boxes, "email")).toBe("reveal-email reveal-reachable");
    expect(controlledBy(boxes, "phone")).toBe("reveal-phone reveal-reachable reveal-phone-message");
    expect(controlledBy(boxes, "none")).toBe("");
  });

  it("finds the boxes and label conditions that useReveal renders on the server", () => {
    function Fields() {
      const reveal = useReveal("contactMethod");
      return createElement(
        "div",
        reveal.box("reveal-phone", "phone", ["phone"]),
        createElement("label", null, reveal.label("Telefoonnummer", "(alleen als je 'Bel me' kiest)")),
      );
    }
    const html = renderToStaticMarkup(createElement(Fragment, null, createElement(Fields)));
    const attr = (selector: string) => selector.slice(1, -1);
    expect(html).toContain(`${attr(REVEAL)}="contactMethod"`);
    expect(html).toContain('data-reveal-when="phone"');
    expect(html).toContain('id="reveal-phone"');
    // The label reads in full without a script; the module removes the condition, leaving the label.
    expect(html).toContain(
      `<label>Telefoonnummer<span ${attr(CONDITION)}=""> (alleen als je &#x27;Bel me&#x27; kiest)</span></label>`,
    );
    // Every box shows until a script hides it: no class of the hydrated CSS's conditional reveal yet.
    expect(html).not.toContain("intake-reveal--conditional");
  });
});
