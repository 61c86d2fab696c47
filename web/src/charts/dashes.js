// Dash patterns, so that no two lines of a chart differ by colour alone
// (for readers who cannot tell the colours apart). The lines a section gave
// no borderDash get one: on a chart of models (every such line in a model's
// colour) each model's own pattern (palette.modelDash), on any other chart
// the patterns of palette.DASHES in turn. Filled shapes, lines of
// width 0 (band edges) and unlabelled helper lines keep what they have.
import { model, modelDash, DASHES } from './palette.js';

const AUTO = Symbol('reglab.autoDash');  // marks a dash this module chose
const DASH_OF_COLOUR = new Map(Object.entries(model).map(([name, colour]) => [colour.toLowerCase(), modelDash[name]]));

const isLine = (ds) => ds.type === 'line' || ds.showLine === true;
const isFilled = (ds) => ds.fill !== undefined && ds.fill !== false;

/** Sets borderDash on the datasets that need one; returns how many it set. */
export function assignDashes(datasets) {
  const free = datasets.filter((ds) => isLine(ds) && ds.label && !isFilled(ds) && ds.borderWidth !== 0
    && (ds.borderDash === undefined || ds[AUTO]));
  if (free.length < 2) {
    for (const ds of free) if (ds[AUTO]) { delete ds.borderDash; delete ds[AUTO]; }
    return 0;
  }
  const colour = (ds) => (typeof ds.borderColor === 'string' ? ds.borderColor.toLowerCase() : '');
  const models = free.every((ds) => DASH_OF_COLOUR.has(colour(ds)));
  free.forEach((ds, i) => {
    ds.borderDash = models ? DASH_OF_COLOUR.get(colour(ds)) : DASHES[i % DASHES.length];
    ds[AUTO] = true;
  });
  return free.length;
}
