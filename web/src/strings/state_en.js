// Strings for URL state of every section and its notices (web/src/state, web/src/sections), in en. en.js / ko.js include it as `state`.
export default {
  notice: {
    titleIgnored: (n) => `This link has ${n === 1 ? 'a setting' : `${n} settings`} the lab cannot use; ${n === 1 ? 'it is' : 'they are'} back at the default. Everything else in the link was restored.`,
    titleInfo: 'This link was restored, with a note:',
    unknown: (key) => `"${key}" is not a setting of this lab (ignored).`,
    type: (key, raw, expected) => `${key}: "${raw}" is not ${expected}.`,
    range: (key, raw, limits) => `${key}: ${raw} is outside ${limits}.`,
    choice: (key, raw, limits) => `${key}: "${raw}" is not one of ${limits}.`,
    length: (key, limits) => `${key}: longer than ${limits} characters.`,
    list: (key, raw, count, range) => `${key}: "${raw}" is not 1 to ${count} whole numbers in ${range}.`,
    encoding: (key, raw) => `${key}: "${raw}" is not valid percent-encoding.`,
    encodingKey: (raw) => `"${raw}": not valid percent-encoding (ignored).`,
    version: (got, current) => `The link comes from another version of the lab (v=${got}; this page is v=${current}): each setting was checked, and those still valid were kept.`,
    legacy: 'The link uses the playground\'s older format (?playground=…): its settings were read, and the address now uses the current format.',
    upload: 'The link was made with an uploaded CSV file. Uploaded files never leave the browser that opened them, so the built-in wine data is shown instead.',
    expected: {
      number: 'a number',
      integer: 'a whole number',
      flag: '0 or 1',
      pnorm: 'a number >= 1 or inf',
      integers: 'a list of whole numbers',
    },
    dismiss: 'Dismiss',
    label: 'About this link',
  },
  // The user's own CSV file in section 4 (web/src/sections/wine/own_csv.js).
  csv: {
    features: 'Feature columns',
    noFeatures: 'tick at least one feature column',
    tooBig: (size, max) => `the file is ${size} MB; the page reads CSV files up to ${max} MB (the reglab command reads larger ones: reglab regress --data FILE)`,
    tooFewColumns: (numeric, reasons) => `a target and at least one feature need two numeric columns, but ${numeric.length ? `only '${numeric[0]}' is numeric` : 'no column is numeric'}${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
    moreColumns: (n) => `and ${n} more column${n === 1 ? '' : 's'}`,
    skipped: (reasons) => `Not all numbers, so not offered as target or feature: ${reasons.join('; ')}.`,
  },
};
