// The strings of the chart tools and the page's accessibility helpers, in the
// page's language (<html lang>, which main.js sets before any section mounts).
// chartBox() is called by every section without the strings at hand, so the
// helpers look them up here rather than through each section's context.
import en from '../strings/a11y_en.js';
import ko from '../strings/a11y_ko.js';

export function a11yStrings(doc = document) {
  return (doc.documentElement.lang ?? '').toLowerCase().startsWith('ko') ? ko : en;
}
