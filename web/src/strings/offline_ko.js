// Strings for language switch, offline, hosting (web/src/main.js, web/src/offline), in ko. en.js / ko.js include it as `offline`.
export default {
};
