// What a chart shows, as rows and columns: the data table that screen readers
// read instead of the picture, and the CSV file. Built from the chart's
// current datasets, so it is always what is drawn.
//   bar charts (category labels): one row per label, one column per dataset;
//   x-y charts of one dataset: one row per point (x, y);
//   x-y charts whose lines share their x values: one row per x, one column per line;
//   other x-y charts: one row per point (series, x, y).
// Unlabelled helper datasets are left out unless nothing has a label.

const axisTitle = (chart, id, fallback) => {
  const title = chart.options?.scales?.[id]?.title;
  return title?.display !== false && title?.text ? String(title.text) : fallback;
};

// Column names must tell the datasets apart: a repeated label gets " (2)", " (3)", ...
function distinct(names) {
  const seen = new Map();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

const xyOf = (point) => (typeof point === 'number' ? { x: NaN, y: point } : { x: Number(point?.x), y: Number(point?.y) });

/**
 * chart: a Chart.js chart; t: strings.a11y. Returns { columns: [string],
 * rows: [[string | number]] } with numbers as numbers (not yet formatted).
 */
export function chartTable(chart, t) {
  const all = chart.data?.datasets ?? [];
  const labelled = all.filter((ds) => ds.label && ds.data?.length);
  const shown = labelled.length ? labelled : all.filter((ds) => ds.data?.length);
  const names = distinct(shown.map((ds) => ds.label || t.unnamedSeries(all.indexOf(ds) + 1)));
  const labels = chart.data?.labels ?? [];

  if (labels.length) {  // category axis: the bar chart of coefficients
    const horizontal = chart.options?.indexAxis === 'y';
    const categories = axisTitle(chart, horizontal ? 'y' : 'x', t.category);
    return {
      columns: [categories, ...names],
      rows: labels.map((label, i) => [String(label), ...shown.map((ds) => xyOf(ds.data[i]).y)]),
    };
  }

  const x = axisTitle(chart, 'x', t.xValue);
  const y = axisTitle(chart, 'y', t.yValue);
  const points = shown.map((ds) => ds.data.map(xyOf));
  const xs = points[0]?.map((p) => p.x) ?? [];
  if (points.length === 1) return { columns: [x, y], rows: points[0].map((p) => [p.x, p.y]) };
  const sameX = points.length > 1 && points.every((ps) => ps.length === xs.length && ps.every((p, i) => Object.is(p.x, xs[i])));
  if (sameX) {
    return { columns: [x, ...names], rows: xs.map((value, i) => [value, ...points.map((ps) => ps[i].y)]) };
  }
  return {
    columns: [t.series, x, y],
    rows: points.flatMap((ps, k) => ps.map((p) => [names[k], p.x, p.y])),
  };
}

// A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is
// written with a leading apostrophe: names in a user's CSV reach the file.
const FORMULA = /^[=+\-@\t\r]/;

function csvCell(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV of a chartTable(): full precision, CRLF line ends. */
export function tableCsv({ columns, rows }) {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
