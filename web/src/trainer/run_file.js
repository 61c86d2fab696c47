// A finished run as a file, and back: JSON (settings, seed, every epoch's
// metrics, a format name and version) and CSV (one row per epoch). The JSON
// is also what run_store.js keeps in IndexedDB. Importing checks the file
// against RUN_SCHEMA and refuses it, with every problem named, when it is
// not JSON, not a run file, of another version or out of range.
import { validate, CONFIG_SCHEMA, EPOCH_SCHEMA } from './schema.js';
import { fileSlug } from '../ui/download.js';

export const RUN_FORMAT = 'reglab-run';
export const RUN_FORMAT_VERSION = 1;
// Files larger than this are refused before they are read (a run of 100,000
// epochs is ~10 MB of JSON).
export const MAX_RUN_FILE_BYTES = 16 * 2 ** 20;

const REASONS = ['done', 'stopped', 'diverged', 'stopped-early'];

export const RUN_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'name', 'settings', 'seed', 'metrics', 'reason'],
  properties: {
    format: { const: RUN_FORMAT },
    version: { const: RUN_FORMAT_VERSION },
    name: { type: 'string', maxLength: 200 },
    preset: { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'null' }] },
    origin: { type: 'string', maxLength: 40 },
    data: { type: 'string', maxLength: 500 },
    settings: CONFIG_SCHEMA,
    seed: { type: 'integer', minimum: 0 },
    reason: { type: 'string', enum: REASONS },
    best_epoch: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    elapsed_s: { type: 'number', minimum: 0 },
    diverged_at: { anyOf: [{ type: 'null' }, { type: 'object', required: ['epoch', 'batch'], properties: { epoch: { type: 'integer', minimum: 1 }, batch: { type: 'integer', minimum: 0 } } }] },
    test: {
      anyOf: [{ type: 'null' }, {
        type: 'object',
        required: ['accuracy', 'loss', 'count'],
        properties: { accuracy: { type: 'number', minimum: 0, maximum: 1 }, loss: { anyOf: [{ type: 'number' }, { type: 'null' }] }, count: { type: 'integer', minimum: 1 } },
      }],
    },
    metrics: { type: 'array', maxItems: 100000, items: EPOCH_SCHEMA },  // one per epoch
  },
};

// The name without the page's "#id " prefix (ids are per visit).
export const baseName = (name) => String(name).replace(/^#\d+\s+/, '');

// JSON has no NaN or infinity: such a value (a diverging loss) is written as null.
const finite = (x) => (Number.isFinite(x) ? x : null);

/** A finished run of lab.js as the file's object. */
export function runToJson(run) {
  const test = run.results?.test ?? run.saved?.test ?? run.fileTest ?? null;
  return {
    format: RUN_FORMAT,
    version: RUN_FORMAT_VERSION,
    name: baseName(run.name),
    preset: run.preset ?? null,
    origin: run.origin ?? '',
    data: run.data ?? '',
    settings: run.config,
    seed: run.config.seed,
    reason: run.reason,
    best_epoch: run.best_epoch ?? null,
    elapsed_s: run.elapsed_s ?? 0,
    diverged_at: run.diverged_at ? { epoch: run.diverged_at.epoch, batch: run.diverged_at.batch } : null,
    test: test ? { accuracy: test.accuracy, loss: finite(test.loss), count: test.count } : null,
    metrics: run.history.map((m) => ({
      epoch: m.epoch, loss: finite(m.loss), accuracy: m.accuracy, val_loss: finite(m.val_loss), val_accuracy: m.val_accuracy, seconds: finite(m.seconds),
    })),
  };
}

/** The JSON file's text (NaN and infinite losses become null, as JSON has neither). */
export function runToJsonText(run) {
  return `${JSON.stringify(runToJson(run), null, 2)}\n`;
}

export const CSV_COLUMNS = ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds'];

/** One row per epoch, with a header; empty cells where there is no value (no validation split). */
export function runToCsv(run) {
  const cell = (v) => (v === null || v === undefined ? '' : String(v));
  const rows = run.history.map((m) => CSV_COLUMNS.map((c) => cell(m[c])).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

/** A file name from the run's name: "reglab-run-n4-dropout-0-5.json" (the charts' slug). */
export function fileName(run, kind, ext) {
  return `reglab-${kind}-${fileSlug(baseName(run.name), 'run')}.${ext}`;
}

/**
 * The text of a run file -> the file's object, checked. Throws an Error whose
 * message says what is wrong (the first few problems) when it is refused.
 */
export function parseRunFile(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a JSON file (${error.message})`);
  }
  return checkRun(value);
}

/** A run file's object (parsed JSON, or a record from run_store.js), checked as parseRunFile does. */
export function checkRun(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a run file: the JSON is not an object');
  if (value.format !== RUN_FORMAT) throw new Error(`not a run file of this lab (format ${JSON.stringify(value.format ?? null)}, expected "${RUN_FORMAT}")`);
  if (value.version !== RUN_FORMAT_VERSION) {
    throw new Error(`run file version ${JSON.stringify(value.version ?? null)} is not supported (this page reads version ${RUN_FORMAT_VERSION})`);
  }
  const problems = validate(value, RUN_SCHEMA);
  if (problems.length === 0) {
    value.metrics.forEach((m, i) => {
      if (m.epoch !== i + 1) problems.push(`metrics[${i}].epoch: must be ${i + 1}, got ${m.epoch}`);
    });
    if (value.metrics.length > value.settings.epochs) problems.push(`metrics: ${value.metrics.length} epochs, but settings.epochs is ${value.settings.epochs}`);
  }
  if (Number.isInteger(value.seed) && value.settings && value.seed !== value.settings.seed) problems.push(`seed: ${value.seed} differs from settings.seed ${value.settings.seed}`);
  if (problems.length) {
    const shown = problems.slice(0, 3).join('; ');
    throw new Error(problems.length > 3 ? `${shown} (and ${problems.length - 3} more)` : shown);
  }
  return value;
}
