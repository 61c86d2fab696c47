// The strings of the chart tools and the page's accessibility helpers.
// chartBox() is called by every section without the strings at hand, so boot
// hands them over once (main.js, with the language it loaded), as it does the
// locale for ui/format.js. English until then (and in node tests).
import en from '../strings/a11y_en.js';

let current = en;

/** The page's language's strings.a11y; main.js calls it before any section mounts. */
export function useA11yStrings(strings) {
  current = strings ?? en;
}

export const a11yStrings = () => current;
