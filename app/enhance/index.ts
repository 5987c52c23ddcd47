/**
 * The one script of a page that does not hydrate (`handle: { hydrate: false }`, ADR 042): plain DOM, no
 * React and no i18next; the texts it needs are in the server-rendered HTML. Built as its own asset
 * (scripts/vite/enhance-entry.ts) and loaded by the root layout with the page's CSP nonce.
 *
 * Import nothing here that a hydrating page also imports: the build would split it into a shared chunk,
 * and this page would load a second script.
 */
import { enhanceCharacterCounts } from "./character-count";
import { enhanceComboBoxes } from "./combobox";
import { enhanceConditionalReveals } from "./conditional-reveal";
import { enhanceErrorSummary } from "./error-summary";
import { enhanceQuickExit } from "./quick-exit";
import { enhanceRadioTabStops } from "./radio-tab-stops";
import { enhanceReceipt } from "./receipt";
import { enhanceSessionTimeout } from "./session-timeout";
import { enhanceWrappingFields } from "./wrapping-field";

enhanceQuickExit(document);
// Before the summary takes focus: a field it links to may sit in a box that this hides or shows.
enhanceConditionalReveals(document);
enhanceErrorSummary(document);
enhanceWrappingFields(document);
enhanceComboBoxes(document);
enhanceSessionTimeout(document);
enhanceReceipt(document);
enhanceCharacterCounts(document);
enhanceRadioTabStops(document);

// Ready: the browser tests wait for this instead of React's hydration.
document.documentElement.dataset.enhanced = "";
