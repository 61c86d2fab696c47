// 4. Wine: OLS, Lasso, Ridge and ElasticNet on the post's split; coefficient
// bars, the regularization path and the CV curve; or the same on a CSV file
// the user picks.
import { h, uid } from '../ui/dom.js';
import { alphaControl, select, slider, textField, toggleGroup, pythonBlock } from '../ui/controls.js';
import { sectionShell, card, chartBox } from '../ui/section.js';
import { frameScheduler } from '../ui/frame.js';
import * as fmt from '../ui/format.js';
import { lastResult } from '../ui/memo.js';
import { MODELS, resultsTable, postComparison } from './wine/table.js';
import { coefficientChart } from './wine/coefs.js';
import { pathChart, cvChart } from './wine/path_cv.js';
import { readOwnCsv, featurePicker } from './wine/own_csv.js';
import { winePython, pathPython } from '../python/wine.js';
import { numberBox, selectBox, sliderBox, toggles } from '../state/controls.js';

export const id = 'wine';
export const navTitle = (strings) => strings.wine.nav;

// Default alpha grids per path model (unscaled wine needs large Ridge alphas).
const GRIDS = {
  lasso: { lo: '1e-4', hi: '1', n: '60' },
  ridge: { lo: '1e-3', hi: '1e5', n: '60' },
  elasticnet: { lo: '1e-4', hi: '10', n: '60' },
};

export function mount(root, { reglab, strings, urlState }) {
  const s = strings.wine;
  const c = strings.common;
  const shell = sectionShell(root, strings, { title: s.title, lead: s.lead });
  const schedule = frameScheduler(update, root);
  const onInput = () => schedule();

  // ---- data source ---------------------------------------------------------
  const BUILTIN = { kind: 'builtin', id: 0 };
  let source = BUILTIN;
  let sources = 0;  // ids of loaded files
  const sourceSelect = select({
    label: s.data,
    options: [{ value: 'builtin', label: s.builtin }],
    value: 'builtin',
    onInput: () => {
      source = sourceSelect.value === 'csv' && userCsv ? userCsv : BUILTIN;
      showCsvFields();
      schedule();
    },
  });
  let userCsv = null;
  const fileInput = h('input', { type: 'file', accept: '.csv,text/csv,text/plain', class: 'file' });
  const fileNote = h('p', { class: 'note', text: s.ownCsvHelp });
  const skippedNote = h('p', { class: 'note skipped-columns', hidden: true });
  const targetField = select({
    label: s.target,
    options: [],
    onInput: () => { featurePick.set(userCsv.numeric, targetField.value); schedule(); },
  });
  const featurePick = featurePicker({ legend: strings.state.csv.features, onInput });
  const showCsvFields = () => {
    targetField.element.hidden = source.kind !== 'csv';
    featurePick.element.hidden = source.kind !== 'csv';
  };
  showCsvFields();
  // A file the core refuses changes nothing: the message says what and where.
  async function loadFile(file) {
    try {
      const csv = await readOwnCsv(file, reglab, strings);
      userCsv = { ...csv, id: ++sources };
      source = userCsv;
      sourceSelect.setOptions([{ value: 'builtin', label: s.builtin }, { value: 'csv', label: csv.name }], 'csv');
      targetField.setOptions(csv.numeric.map((name) => ({ value: name, label: name })), csv.numeric.at(-1));
      featurePick.set(csv.numeric, targetField.value);
      showCsvFields();
      fileNote.textContent = s.csvLoaded(csv.name, csv.rows, csv.columns);
      skippedNote.textContent = csv.skipped.length ? strings.state.csv.skipped(csv.skipped) : '';
      skippedNote.hidden = csv.skipped.length === 0;
      schedule();
    } catch (error) {
      shell.message.show(error.message);
    }
  }
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) loadFile(file);
  });

  // The file field takes a dropped file too.
  function fileField() {
    const field = h('div', { class: 'field own-csv' }, h('label', { for: fileInput.id = uid('csv'), text: s.ownCsv }), fileInput, fileNote, skippedNote);
    field.addEventListener('dragover', (event) => { event.preventDefault(); field.classList.add('drop-target'); });
    field.addEventListener('dragleave', () => field.classList.remove('drop-target'));
    field.addEventListener('drop', (event) => {
      event.preventDefault();
      field.classList.remove('drop-target');
      const file = event.dataTransfer?.files?.[0];
      if (file) loadFile(file);
    });
    return field;
  }

  // ---- settings ------------------------------------------------------------
  const testSize = textField({ label: s.testSize, value: '0.3', onInput });
  const seed = textField({ label: s.seed, value: '101', inputmode: 'numeric', onInput });
  const scaling = select({
    label: s.scaling,
    options: ['none', 'minmax', 'zscore'].map((value) => ({ value, label: c.scalingNames[value] })),
    value: 'none',
    onInput,
  });
  const alphaControls = {
    lasso: alphaControl({ label: s.lassoAlpha, lo: -4, hi: 1, value: 0.05, onInput }),
    ridge: alphaControl({ label: s.ridgeAlpha, lo: -3, hi: 5, value: 1, onInput }),
    elasticnet: alphaControl({ label: s.enetAlpha, lo: -4, hi: 1, value: 0.05, onInput }),
  };
  const l1Ratio = slider({ label: s.l1Ratio, min: 0, max: 1, step: 0.01, value: 0.5, format: (x) => x.toFixed(2), onInput });

  // ---- results ---------------------------------------------------------------
  const table = resultsTable(strings);
  let comparison = null;
  try {
    comparison = postComparison(strings, reglab);
  } catch (error) {
    shell.message.show(error.message);
  }
  const coefModel = toggleGroup({
    label: s.coefModel,
    options: ['lasso', 'ridge', 'elasticnet'].map((value) => ({ value, label: c.modelNames[value] })),
    value: 'lasso',
    onInput,
  });
  const coefBox = chartBox('coef', s.coefTitle);
  const zeroNote = h('p', { class: 'note zero-note' });
  const pythonTable = pythonBlock(strings);

  // ---- path and CV -----------------------------------------------------------
  const pathModel = select({
    label: s.pathModel,
    options: ['lasso', 'ridge', 'elasticnet'].map((value) => ({ value, label: c.modelNames[value] })),
    value: 'lasso',
    onInput: () => {
      const grid = GRIDS[pathModel.value];
      gridLo.input.value = grid.lo;
      gridHi.input.value = grid.hi;
      gridN.input.value = grid.n;
      schedule();
    },
  });
  const gridLo = textField({ label: s.alphaFrom, value: GRIDS.lasso.lo, onInput });
  const gridHi = textField({ label: s.alphaTo, value: GRIDS.lasso.hi, onInput });
  const gridN = textField({ label: s.alphaCount, value: GRIDS.lasso.n, inputmode: 'numeric', size: 4, onInput });
  const folds = textField({ label: s.folds, value: '5', inputmode: 'numeric', size: 4, onInput });
  const pathBox = chartBox('tall', s.pathTitle);
  const cvBox = chartBox('tall', s.cvTitle);
  const cvLead = h('p', { class: 'note' });
  const bestNote = h('p', { class: 'note best-note' });
  const pythonPath = pythonBlock(strings);

  shell.body.append(
    h('div', { class: 'grid grid-1-2' },
      card(null,
        sourceSelect.element,
        fileField(),
        targetField.element,
        featurePick.element,
        h('div', { class: 'row' }, testSize.element, seed.element),
        scaling.element,
        alphaControls.lasso.element,
        alphaControls.ridge.element,
        alphaControls.elasticnet.element,
        l1Ratio.element),
      card(s.tableTitle, table.element, h('p', { class: 'note', text: s.tableNote }), comparison)),
    card(s.coefTitle, coefModel.element, coefBox.element, zeroNote),
    pythonTable.element,
    h('div', { class: 'controls' }, pathModel.element, gridLo.element, gridHi.element, gridN.element, folds.element),
    h('div', { class: 'grid grid-2' },
      card(s.pathTitle, h('p', { class: 'note', text: s.pathLead }), pathBox.element),
      card(s.cvTitle, cvLead, cvBox.element, bestNote)),
    pythonPath.element,
  );

  const charts = {
    coefs: coefficientChart(coefBox.canvas, strings),
    path: pathChart(pathBox.canvas, strings),
    cv: cvChart(cvBox.canvas, strings),
  };

  // ---- recomputation -----------------------------------------------------------
  const number = (label, text) => {
    const x = Number(text);
    if (text === '' || Number.isNaN(x)) throw new Error(`${label}: ${c.notANumber(text)}`);
    return x;
  };
  let pathCache = { key: null };
  // One remembered fit per model, and the coefficient bars as last drawn.
  const fitOf = Object.fromEntries(MODELS.map((model) => [model, lastResult((request) => reglab.regress(request))]));
  const drawn = {
    coefs: lastResult((features, ols, other, model) => charts.coefs.update(features, ols, other, model)),
  };

  function readSettings() {
    const data = source.kind === 'builtin'
      ? { dataset: 'wine', target: 'target' }
      : { csv: source.text, target: targetField.value, features: featurePick.value };
    if (data.features?.length === 0) throw new Error(strings.state.csv.noFeatures);
    return {
      source,
      target: data.target,
      data: {
        ...data,
        test_size: number(s.testSize, testSize.value),
        seed: number(s.seed, seed.value),
        scaling: scaling.value,
      },
      testSize: number(s.testSize, testSize.value),
      seed: number(s.seed, seed.value),
      scaling: scaling.value,
      alphas: Object.fromEntries(Object.entries(alphaControls).map(([model, control]) => [model, number(c.modelNames[model], control.value)])),
      l1Ratio: l1Ratio.value,
      pathModel: pathModel.value,
      grid: { lo: number(s.alphaFrom, gridLo.value), hi: number(s.alphaTo, gridHi.value), n: number(s.alphaCount, gridN.value) },
      folds: number(s.folds, folds.value),
    };
  }

  function computePathAndCv(settings) {
    const { data, pathModel: model, l1Ratio: l1_ratio, grid, folds: k, alphas } = settings;
    // Alphas of the table do not change the path; l1_ratio only changes ElasticNet's.
    const key = JSON.stringify([source.id, data.target, data.features, data.test_size, data.seed, data.scaling, model,
      model === 'elasticnet' ? l1_ratio : null, grid, k]);
    if (pathCache.key === key) return pathCache;
    const request = { ...data, model, alpha: alphas[model], l1_ratio };
    const alphaGrid = reglab.logAlphaGrid(grid.lo, grid.hi, grid.n);
    pathCache = {
      key,
      path: reglab.regularizationPath(request, alphaGrid),
      cv: reglab.crossValidate(request, alphaGrid, k),
    };
    return pathCache;
  }

  function update() {
    let settings;
    let fits;
    try {
      settings = readSettings();
      fits = Object.fromEntries(MODELS.map((model) => {
        const request = { ...settings.data, model, alpha: settings.alphas[model] ?? 0, l1_ratio: settings.l1Ratio };
        if (model !== 'elasticnet') delete request.l1_ratio;  // only ElasticNet depends on it
        const { csv, ...rest } = request;
        return [model, fitOf[model](JSON.stringify([rest, source.id]), request)];
      }));
    } catch (error) {
      shell.message.show(error.message);
      return false;
    }
    const features = fits.ols.features;
    table.update(fits, settings.alphas);
    const model = coefModel.value;
    const zeros = drawn.coefs(JSON.stringify([fits.ols.coef, fits[model].coef, model, features]), features, fits.ols, fits[model], model);
    zeroNote.textContent = s.coefZeros(zeros, features.length, c.modelNames[model]);
    pythonTable.set(winePython(settings));
    // The path and CV can fail where the fits do not (a small file has fewer
    // training rows than folds): the table above is drawn either way.
    let pathCv;
    try {
      pathCv = computePathAndCv(settings);
    } catch (error) {
      shell.message.show(`${s.pathTitle} / ${s.cvTitle}: ${error.message}`);
      return true;
    }
    shell.message.clear();
    const pathAlpha = settings.alphas[settings.pathModel];
    charts.path.update(features, pathCv.path, pathAlpha);
    charts.cv.update(pathCv.cv, pathAlpha, settings.pathModel);
    cvLead.textContent = s.cvLead(settings.folds);
    bestNote.textContent = s.cvBest(fmt.alpha(pathCv.cv.best_alpha), fmt.fixed(pathCv.cv.mean_mse[pathCv.cv.best_index], 5));
    pythonPath.set(pathPython(settings));
    return true;
  }

  // The URL carries every setting but the user's file (which never leaves the browser).
  urlState?.bind(id, {
    data: { get: () => (source.kind === 'csv' ? 'csv' : 'builtin'), set: () => {} },
    test_size: numberBox(testSize),
    seed: numberBox(seed),
    scaling: selectBox(scaling),
    lasso: numberBox(alphaControls.lasso),
    ridge: numberBox(alphaControls.ridge),
    enet: numberBox(alphaControls.elasticnet),
    l1_ratio: sliderBox(l1Ratio),
    coef: toggles(coefModel),
    path: selectBox(pathModel),  // before the grid: setting it does not reset the grid
    from: numberBox(gridLo),
    to: numberBox(gridHi),
    n: numberBox(gridN),
    folds: numberBox(folds),
  });
  schedule();
}
