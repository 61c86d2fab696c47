// Strings for the trainer's saved runs, exports, imports, faults (web/src/trainer), in en. en.js / ko.js include it as `runs`.
export default {
};
