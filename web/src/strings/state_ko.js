// Strings for URL state of every section and its notices (web/src/state, web/src/sections), in ko. en.js / ko.js include it as `state`.
export default {
};
