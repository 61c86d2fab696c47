// Strings for chart tools (PNG, data table), accessibility labels (web/src/ui, web/src/charts), in ko. en.js / ko.js include it as `a11y`.
export default {
};
