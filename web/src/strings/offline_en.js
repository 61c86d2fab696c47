// Strings for language switch, offline, hosting (web/src/main.js, web/src/offline), in en. en.js / ko.js include it as `offline`.
export default {
  language: 'Language',
  updated: 'A new version of the lab has been installed.',
  reload: 'Reload to use it',
};
