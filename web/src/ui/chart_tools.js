// The tools under every chart (chartBox in section.js): download it as a PNG
// or its data as CSV, and show its data as a table, the alternative to the
// picture for screen readers. Everything is read from canvas.chart when the
// reader asks, so the tools work for any chart drawn on the canvas later.
import { h, uid } from './dom.js';
import { a11yStrings } from './a11y_strings.js';
import { downloadBlob, fileSlug } from './download.js';
import { chartTable, tableCsv } from '../charts/chart_data.js';

const MAX_ROWS = 1000;  // a longer table is cut (the CSV has every row)

function formatter(lang) {
  const number = new Intl.NumberFormat(lang || 'en', { maximumSignificantDigits: 6, useGrouping: false });
  // -0 (a coefficient the Lasso set to zero from below) reads as 0.
  return (value) => (typeof value === 'number' ? (Number.isFinite(value) ? number.format(value === 0 ? 0 : value) : '–') : value);
}

/** The <table> of chartTable(): caption, column headers, a row header per row. */
export function dataTable(chart, title, t) {
  const { columns, rows } = chartTable(chart, t);
  const format = formatter(document.documentElement.lang);
  const shown = rows.slice(0, MAX_ROWS);
  return h('table', { class: 'numbers chart-data' },
    h('caption', { text: t.tableCaption(title) }),
    h('thead', {}, h('tr', {}, columns.map((name) => h('th', { scope: 'col', text: name })))),
    h('tbody', {}, shown.length
      ? shown.map((row) => h('tr', {},
        h('th', { scope: 'row', text: format(row[0]) }),
        row.slice(1).map((value) => h('td', { text: format(value) }))))
      : h('tr', {}, h('td', { colspan: columns.length, text: t.noData }))),
    rows.length > shown.length ? h('tfoot', {}, h('tr', {}, h('td', { colspan: columns.length, text: t.rowsShown(shown.length, rows.length) }))) : null);
}

/** The chart on a white background (the canvas itself is transparent), as a PNG Blob. */
export function chartPng(canvas) {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, copy.width, copy.height);
  ctx.drawImage(canvas, 0, 0);
  return new Promise((resolve, reject) => copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png'));
}

// "reglab-wine-coefficients": the section's id and the chart's title.
function fileName(canvas, title, t) {
  const section = canvas.closest('section')?.id;
  return ['reglab', section, fileSlug(title, t.chartFile)].filter(Boolean).join('-');
}

/**
 * canvas: the chart's <canvas>; title: its accessible name. Returns
 * { element }: the toolbar and the (hidden) table region.
 */
export function chartTools(canvas, title) {
  const t = a11yStrings();
  const region = h('div', { id: uid('chart-table'), class: 'table-wrap chart-table', hidden: true, tabindex: '0', role: 'region', 'aria-label': t.tableCaption(title) });
  const toggle = h('button', { type: 'button', class: 'chart-tool table-toggle', 'aria-expanded': 'false', 'aria-controls': region.id, text: t.showTable });
  const png = h('button', { type: 'button', class: 'chart-tool png', text: t.downloadPng });
  const csv = h('button', { type: 'button', class: 'chart-tool csv', text: t.downloadCsv });

  const open = () => toggle.getAttribute('aria-expanded') === 'true';
  let pending = false;
  function rebuild() {
    pending = false;
    if (open() && canvas.chart) region.replaceChildren(dataTable(canvas.chart, title, t));
  }
  toggle.addEventListener('click', () => {
    const show = !open();
    toggle.setAttribute('aria-expanded', String(show));
    toggle.textContent = show ? t.hideTable : t.showTable;
    region.hidden = !show;
    if (show) rebuild(); else region.replaceChildren();
  });
  // While the table is open it follows the chart (setup.js announces each update), at most once a frame.
  canvas.addEventListener('reglab:chart-updated', () => {
    if (!open() || pending) return;
    pending = true;
    requestAnimationFrame(rebuild);
  });
  png.addEventListener('click', async () => {
    if (canvas.chart) downloadBlob(await chartPng(canvas), `${fileName(canvas, title, t)}.png`);
  });
  csv.addEventListener('click', () => {
    if (!canvas.chart) return;
    const text = tableCsv(chartTable(canvas.chart, t));
    downloadBlob(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), `${fileName(canvas, title, t)}.csv`);
  });

  const toolbar = h('div', { class: 'chart-toolbar', role: 'group', 'aria-label': t.chartTools(title) }, toggle, png, csv);
  return { element: h('div', { class: 'chart-tools' }, toolbar, region) };
}
