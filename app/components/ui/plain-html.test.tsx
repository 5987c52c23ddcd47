import type { ReactElement } from "react";
import { ButtonContext, RouterProvider } from "react-aria-components";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./Button";
import { Link } from "./Link";
import { PlainHtmlContext } from "./plain-html";

/** The server's HTML of `element` through react-aria (a hydrating page) and as plain HTML (one that does not). */
function both(element: ReactElement) {
  return {
    aria: renderToString(<PlainHtmlContext.Provider value={false}>{element}</PlainHtmlContext.Provider>),
    plain: renderToString(<PlainHtmlContext.Provider value={true}>{element}</PlainHtmlContext.Provider>),
  };
}

describe("plain HTML for pages that do not hydrate (ADR 048)", () => {
  const same: [string, ReactElement][] = [
    ["a link", <Link href="/verhaal">Terug</Link>],
    [
      "a back link with an extra class",
      <Link href="/verhaal" variant="back" className="extra">
        Terug
      </Link>,
    ],
    [
      "a link with an id, a label, a description and aria-current",
      <Link href="/over" id="l" aria-label="Over ons" aria-describedby="d" aria-current="page">
        Over
      </Link>,
    ],
    ["a submit button", <Button>Verder</Button>],
    [
      "a button with an id, name, value, form and labels",
      <Button
        variant="secondary"
        type="button"
        id="b"
        name="intent"
        value="back"
        form="f"
        aria-label="Terug"
        aria-describedby="d"
        onPress={() => {}}
      >
        Terug
      </Button>,
    ],
    ["a button that is not disabled", <Button isDisabled={false}>Verder</Button>],
    ["a disabled button (left to react-aria)", <Button isDisabled>Verder</Button>],
    [
      "a link with a prop it does not know (left to react-aria)",
      <Link href="/x" target="_blank">
        X
      </Link>,
    ],
  ];
  for (const [what, element] of same) {
    it(`writes ${what} as react-aria does`, () => {
      const { aria, plain } = both(element);
      expect(plain).toBe(aria);
    });
  }

  it("names a button without an id after its place in the tree, as react-aria does", () => {
    const { aria, plain } = both(
      <div>
        <Button>Een</Button>
        <Button>Twee</Button>
      </div>,
    );
    expect(plain).toBe(aria);
    expect(plain.match(/id="react-aria-[^"]+"/g)).toHaveLength(2);
  });

  it("renders plain HTML only where the page does not hydrate and nothing of react-aria is around it", () => {
    // React-aria's Link asks the router for its address; the plain one writes it as it is. A router
    // that marks what it was asked shows which of the two rendered.
    const marked = (element: ReactElement, plain: boolean) =>
      renderToString(
        <PlainHtmlContext.Provider value={plain}>
          <RouterProvider navigate={() => {}} useHref={(href) => `${href}#via-react-aria`}>
            {element}
          </RouterProvider>
        </PlainHtmlContext.Provider>,
      );
    const link = <Link href="/over">Over</Link>;
    expect(marked(link, false)).toContain("#via-react-aria");
    expect(marked(link, true)).not.toContain("#via-react-aria");
    // A relative address is resolved by the router: left to react-aria.
    expect(marked(<Link href="over">Over</Link>, true)).toContain("#via-react-aria");
    // Inside a react-aria component that hands its buttons props, the button stays react-aria's.
    const inSlot = (plain: boolean) =>
      renderToString(
        <PlainHtmlContext.Provider value={plain}>
          <ButtonContext.Provider value={{ "aria-label": "from the combo box" }}>
            <Button>Open</Button>
          </ButtonContext.Provider>
        </PlainHtmlContext.Provider>,
      );
    expect(inSlot(true)).toContain('aria-label="from the combo box"');
    expect(inSlot(true)).toBe(inSlot(false));
  });
});
