// The user's own CSV file for section 4. It is read in the browser (never
// sent anywhere) and checked by the core before it replaces the data shown:
// a file the core refuses leaves the page as it was, with the core's message
// (which says the line and column). Columns that are not all numbers are
// listed with the first cell that is not, since the core leaves them out.
import { h } from '../../ui/dom.js';

// Every change of a setting re-reads the text in the core (about 12 bytes of
// memory per byte of file, on the page's thread): past this size the page
// would stall for seconds per slider move, so larger files go to the CLI.
export const MAX_BYTES = 10 * 2 ** 20;
const REASONS_SHOWN = 6;

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

// The core's message for the first cell of `column` that is not a number.
function whyNotNumeric(reglab, text, column) {
  try {
    reglab.csvColumns({ csv: text, names: [column] });
    return null;
  } catch (error) {
    return error.message;
  }
}

/**
 * Reads and checks a File. Resolves to { kind: 'csv', name, text, rows,
 * columns, numeric, skipped: [message] }; rejects with an Error that names
 * the file and says what is wrong and where.
 */
export async function readOwnCsv(file, reglab, strings) {
  const s = strings.state.csv;
  const named = (message) => new Error(`${file.name}: ${message}`);
  if (file.size > MAX_BYTES) throw named(s.tooBig(mb(file.size), mb(MAX_BYTES)));
  const text = await file.text();
  let info;
  try {
    info = reglab.csvInfo(text);  // empty, header only, ragged rows, quotes, binary: line and column
  } catch (error) {
    throw named(error.message);
  }
  const numeric = info.numeric_columns;
  const others = info.columns.filter((c) => !numeric.includes(c));
  const skipped = others.slice(0, REASONS_SHOWN).map((c) => whyNotNumeric(reglab, text, c)).filter(Boolean);
  if (others.length > REASONS_SHOWN) skipped.push(s.moreColumns(others.length - REASONS_SHOWN));
  if (numeric.length < 2) throw named(s.tooFewColumns(numeric, skipped));
  try {
    // The core's own check that these rows can be fitted at all (a single row cannot).
    reglab.regress({ csv: text, target: numeric.at(-1), model: 'ols', test_size: 0 });
  } catch (error) {
    throw named(error.message);
  }
  return { kind: 'csv', name: file.name, text, rows: info.n_rows, columns: info.columns.length, numeric, skipped };
}

/** Checkboxes for the feature columns: every numeric column but the target, all ticked at first. */
export function featurePicker({ legend, onInput }) {
  const list = h('div', { class: 'feature-list' });
  const element = h('fieldset', { class: 'field feature-picker', hidden: true }, h('legend', { text: legend }), list);
  let boxes = [];
  return {
    element,
    /** columns: the numeric columns; the ones ticked before stay ticked. */
    set(columns, target) {
      const unticked = new Set(boxes.filter((b) => !b.input.checked).map((b) => b.name));
      boxes = columns.filter((name) => name !== target).map((name) => {
        const input = h('input', { type: 'checkbox', value: name });
        input.checked = !unticked.has(name);
        input.addEventListener('change', onInput);
        return { name, input, element: h('label', { class: 'check-field' }, input, ` ${name}`) };
      });
      list.replaceChildren(...boxes.map((b) => b.element));
    },
    get value() {
      return boxes.filter((b) => b.input.checked).map((b) => b.name);
    },
  };
}
