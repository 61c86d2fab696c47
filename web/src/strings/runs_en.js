// Strings for the trainer's saved runs, exports, imports, faults (web/src/trainer), in en. en.js / ko.js include it as `runs`.
const n = (x) => x.toLocaleString('en-US');
const pct = (x) => `${(100 * x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

export default {
  // the compare section's table: one more column, and where a run came from
  filesHead: 'files',
  json: 'JSON',
  csv: 'CSV',
  model: 'model',
  forget: 'Remove',
  jsonLabel: (run) => `Download ${run} as JSON (settings, seed, metrics per epoch)`,
  csvLabel: (run) => `Download ${run} as CSV (one row per epoch)`,
  modelLabel: (run) => `Download the trained model of ${run} (for reglab evaluate --model, or to load here)`,
  noModel: (run) => `The model of ${run} was not kept`,
  forgetLabel: (run) => `Remove ${run} from this page and from the browser's storage`,
  source: { saved: 'from an earlier visit', imported: 'imported' },

  filesTitle: 'Runs and models as files',
  filesLead: 'Finished runs are kept in this browser and come back when you reload the page. Each one downloads as JSON (settings, seed, every epoch\'s metrics) or CSV (one row per epoch); a JSON file imports back here, on this computer or another. A trained model downloads as a file that `reglab evaluate --model` reads, and that loads here again.',
  importLabel: 'Import a run (JSON file)',
  imported: (name) => `Imported ${name}: it is in the table and the chart.`,
  refused: (message) => `Not imported: ${message}. Nothing else changed.`,
  storage: {
    opening: 'Opening the browser\'s storage…',
    ok: (restored, skipped) => `Finished runs are kept in this browser${restored ? ` (${n(restored)} restored from earlier visits)` : ''}.${skipped ? ` ${n(skipped)} saved by another version of the page could not be read.` : ''}`,
    off: 'Runs are not kept after a reload here.',
    full: 'The browser\'s storage for this site is full: the latest run was kept without its model (download it to keep it).',
    failed: (message) => `Runs are not kept after a reload: ${message}. Everything else works; download a run as JSON to keep it.`,
  },
  clear: 'Remove all saved runs',

  modelTitle: 'Load a model file',
  modelHelp: 'A model downloaded here or written by `reglab train --save`. The lab checks it (format, version, checksum, architecture) and measures it on the loaded test pictures; the runs stay as they are.',
  modelInput: 'Model file',
  modelLoading: 'Checking the model…',
  modelLoaded: ({ name, arch, divisor, parameters, accuracy, loss, count }) =>
    `${name}: a ${arch} network (inputs / ${divisor}, ${n(parameters)} weights). Test accuracy ${pct(accuracy)} (loss ${loss.toFixed(4)} on ${n(count)} test pictures).`,
  modelNoTest: (name, arch) => `${name}: a ${arch} network. Load data with test pictures to measure it.`,
  modelRefused: (name, message) => `${name} was not loaded: ${message}. Nothing else changed.`,
  batchnorm: 'with batch norm',

  // faults
  diverged: ({ epoch, batch, lr, lower }) =>
    `Training diverged at epoch ${n(epoch)}, batch ${n(batch)}: the loss became NaN or infinite, so training stopped there. The curves up to that point are kept. Try a lower learning rate (this run used ${lr}; try ${lower}).`,
  workerReplaced: (message) => `The training worker failed: ${message}. A new worker has taken its place; your finished runs are kept, and the data load again when you start a run.`,
  outOfMemory: 'It ran out of memory: try fewer or smaller hidden layers, or a smaller batch.',
  dataKept: (name, message) => `${name} could not be loaded: ${message}. The data loaded before are still in use.`,
};
