// Colours of the lab's charts, from the Okabe-Ito palette (Okabe & Ito 2008,
// "Color Universal Design"): its hues stay apart for readers with red-green
// (protan, deutan) and blue-yellow (tritan) colour vision deficiency. Its
// yellow (#F0E442) is left out: too light for a line on white.
// tests/browser/a11y.test.mjs simulates each deficiency (Machado et al. 2009)
// and checks the distances between these colours.
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
};

const oi = OKABE_ITO;

// One colour per model, and one dash pattern, so that two fitted lines never
// differ by colour alone.
export const model = {
  ols: oi.black,
  lasso: oi.vermillion,
  ridge: oi.blue,
  elasticnet: oi.reddishPurple,
};
export const modelDash = {
  ols: [],
  lasso: [8, 4],
  ridge: [2, 3],
  elasticnet: [10, 3, 2, 3],
};
export const data = oi.bluishGreen;
export const dataFill = 'rgba(0, 158, 115, 0.55)';
export const grid = '#e6e8ec';
// Text on the charts (the "= 0" feature names): vermillion darkened to 5.5:1 on white.
export const zero = '#b34700';

// Many lines (the features on the Wine path): seven colours, then the same
// seven dashed, then dotted (21 distinct lines).
const CATEGORICAL = [oi.blue, oi.vermillion, oi.bluishGreen, oi.reddishPurple, oi.orange, oi.skyBlue, oi.black];
export const DASHES = [[], [7, 3], [2, 2]];
export const categorical = (i) => CATEGORICAL[i % CATEGORICAL.length];
export const categoricalDash = (i) => DASHES[Math.floor(i / CATEGORICAL.length) % DASHES.length];
export const categoricalColours = () => [...CATEGORICAL];

// The trainer's runs (web/src/trainer/lab.js). The post's pairs compare a run
// with its regularized twin: N1/N2, N3/N4 and N5/N6 get different hues.
export const presetColors = { N1: oi.vermillion, N2: oi.blue, N3: oi.blue, N4: oi.vermillion, N5: oi.blue, N6: oi.bluishGreen };
// Runs of the playground (the presets' colours come first in the comparison).
export const runColors = [oi.reddishPurple, oi.orange, oi.skyBlue, oi.black, oi.bluishGreen, oi.vermillion, oi.blue];

export const alpha = (hex, a) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
};
