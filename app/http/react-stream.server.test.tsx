import { PassThrough, type Writable } from "node:stream";
import { text } from "node:stream/consumers";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReactHtmlStream, REACT_VIEW_SIZE, withoutViewPadding } from "./react-stream.server";

/** Short pieces of text, as a page has them: a shift first, then words with multi-byte characters. */
const page = (shift: number) => (
  <div>
    <span>{"a".repeat(shift)}</span>
    {Array.from({ length: 300 }, (_, i) => (
      <span key={i}>{"één 👍🏽 שלום"}</span>
    ))}
  </div>
);

/** The HTML React streams, through `into` (a plain pass-through or ours). */
function render(shift: number, into: Writable & NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page(shift), {
      onAllReady() {
        pipe(into);
        text(into).then(resolve, reject);
      },
      onShellError: reject,
    });
  });
}

/** Every offset, so a character meets the end of a view in each possible way. */
const shifts = Array.from({ length: 12 }, (_, i) => i + 1);

describe("React's streamed HTML", () => {
  it("carries NUL bytes where a multi-byte character meets the end of a 2 kB view (React 18)", async () => {
    const outputs = await Promise.all(shifts.map((shift) => render(shift, new PassThrough())));
    expect(outputs.some((html) => html.includes("\u0000"))).toBe(true);
  });

  it("reaches the response without them, every character as it was", async () => {
    for (const shift of shifts) {
      const html = await render(shift, new ReactHtmlStream());
      expect(html).not.toContain("\u0000");
      expect(html).toBe(renderToStaticMarkup(page(shift)));
    }
  });

  it("cuts only zero bytes at the end of a full view", () => {
    const full = Buffer.alloc(REACT_VIEW_SIZE, 0x61);
    expect(withoutViewPadding(full)).toBe(full);
    full[REACT_VIEW_SIZE - 1] = 0;
    full[REACT_VIEW_SIZE - 2] = 0;
    expect(withoutViewPadding(full).length).toBe(REACT_VIEW_SIZE - 2);
    const short = Buffer.from([0x61, 0]);
    expect(withoutViewPadding(short)).toBe(short);
  });
});
