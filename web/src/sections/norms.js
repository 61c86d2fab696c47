// 5. Norms: a vector p-norm and matrix norm calculator, and the unit ball as p
// slides from 1 to infinity.
import { h, replaceChildren } from '../ui/dom.js';
import { slider, textField, textArea, pythonBlock } from '../ui/controls.js';
import { sectionShell, card, chartBox } from '../ui/section.js';
import { frameScheduler } from '../ui/frame.js';
import * as fmt from '../ui/format.js';
import { equalAxesChart, line, redraw } from '../charts/xy.js';
import * as palette from '../charts/palette.js';
import { normsPython, unitBallPython } from '../python/norms.js';
import { textBox, sliderBox } from '../state/controls.js';

export const id = 'norms';
export const navTitle = (strings) => strings.norms.nav;

// numpy.linalg.norm's ord for each matrix norm, in the order shown.
const MATRIX_NORMS = [['one', '1'], ['inf', 'np.inf'], ['spectral', '2'], ['fro', "'fro'"], ['nuclear', "'nuc'"]];
// What the post printed for its examples.
const POST = { vector: '10.00008', one: '14.0', inf: '18.0' };

// Slider position 0..100 -> p: 2^(pos / 12.5), so 1, 2, 4, 8, ... at every
// 12.5 steps, and infinity at the end.
const pAt = (pos) => (pos >= 100 ? Infinity : 2 ** (pos / 12.5));

// "inf" (or ∞) is infinity; anything else must be a number (the core checks p >= 1).
function parseP(text, strings) {
  const t = text.trim().toLowerCase();
  if (['inf', 'infinity', '∞', 'np.inf'].includes(t)) return Infinity;
  const p = Number(t);
  if (t === '' || Number.isNaN(p)) throw new Error(`${strings.norms.pName}: ${strings.common.notANumber(text)}`);
  return p;
}

export function mount(root, { reglab, strings, urlState }) {
  const s = strings.norms;
  const shell = sectionShell(root, strings, { title: s.title, lead: s.lead });
  const schedule = frameScheduler(update, root);
  const onInput = () => schedule();

  const vector = textField({ label: s.vector, value: '1, 10, 1, 1, 1', onInput, inputmode: 'text', size: 18, wide: true });
  const p = textField({ label: s.p, value: '5', onInput, size: 5 });
  const vectorOut = h('div', { class: 'big-number' });
  const vectorOthers = h('p', { class: 'note' });
  const matrix = textArea({ label: s.matrix, value: '1, 2, 3; 1, 2, 3; 4, 6, 8', rows: 3, onInput });
  const matrixBody = h('tbody');
  const ballP = slider({ label: s.ballP, min: 0, max: 100, step: 0.5, value: 25, format: (pos) => fmt.pValue(pAt(pos)), onInput });
  const ballNorm = h('p', { class: 'note' });
  const ballBox = chartBox('square', s.ballTitle);
  const python = pythonBlock(strings);
  const pythonBall = pythonBlock(strings);

  shell.body.append(
    h('div', { class: 'grid grid-2' },
      card(null,
        h('div', { class: 'row' }, vector.element, p.element),
        vectorOut,
        vectorOthers,
        matrix.element,
        h('div', { class: 'table-wrap' }, h('table', { class: 'numbers matrix-norms' },
          h('thead', {}, h('tr', {}, s.matrixHead.map((text) => h('th', { scope: 'col', text })))),
          matrixBody)),
        python.element),
      card(s.ballTitle,
        h('p', { class: 'note', text: s.ballLead }),
        ballP.element,
        ballBox.element,
        ballNorm,
        pythonBall.element)),
  );
  const chart = equalAxesChart(ballBox.canvas, { x: [-1.2, 1.2], y: [-1.2, 1.2] }, { tooltips: false });
  // The reference outlines never change: computed once by the core.
  const references = [[1, '#adb5bd'], [2, '#adb5bd'], [Infinity, '#adb5bd']].map(([q, color]) =>
    line(s.reference(fmt.pValue(q)), reglab.unitBall(q, { points: 257 }), color, { borderWidth: 1, borderDash: [3, 3] }));

  urlState?.bind(id, {
    vector: textBox(vector),
    p: { get: () => { try { return parseP(p.value, strings); } catch { return NaN; } }, set: (v) => { p.input.value = v === Infinity ? 'inf' : String(v); } },
    matrix: textBox(matrix),
    ball: sliderBox(ballP),
  });

  function update() {
    try {
      const x = reglab.parseVector(vector.value);
      const pValue = parseP(p.value, strings);
      const norm = reglab.vectorNorm(x, pValue);
      const others = [1, 2, Infinity].map((q) => `‖x‖${q === Infinity ? '∞' : q} = ${fmt.full(reglab.vectorNorm(x, q))}`);
      const A = reglab.parseMatrix(matrix.value);
      const norms = reglab.matrixNorms(A);
      const isPostMatrix = JSON.stringify(A) === '[[1,2,3],[1,2,3],[4,6,8]]';
      const q = pAt(ballP.value);
      const ball = reglab.unitBall(q, { points: 257 });
      const normAtSlider = reglab.vectorNorm(x, q);

      replaceChildren(vectorOut,
        h('span', { class: 'label', text: s.vectorResult(fmt.pValue(pValue)) + ' = ' }),
        h('output', { class: 'vector-norm', text: fmt.full(norm) }),
        vector.value.replace(/\s/g, '') === '1,10,1,1,1' && pValue === 5
          ? h('span', { class: 'muted', text: ` (${s.postPrinted} ${POST.vector})` }) : null);
      vectorOthers.textContent = `${s.otherP}: ${others.join(',  ')}`;
      replaceChildren(matrixBody, MATRIX_NORMS.map(([key, ord]) => h('tr', { dataset: { norm: key } },
        h('th', { scope: 'row', text: s.matrixNames[key] }),
        h('td', {}, h('code', { text: `ord=${ord}` })),
        h('td', {}, fmt.full(norms[key]),
          isPostMatrix && POST[key] ? h('span', { class: 'muted', text: ` (${s.postPrinted} ${POST[key]})` }) : null))));
      redraw(chart, [
        ...references,
        line(s.ballCurrent(fmt.pValue(q)), ball, palette.model.lasso, { borderWidth: 3 }),
      ]);
      ballNorm.textContent = s.normAtP(fmt.pValue(q), fmt.full(normAtSlider));
      python.set(normsPython({ vector: x, p: pValue, matrix: A }));
      pythonBall.set(unitBallPython({ p: q }));
      shell.message.clear();
      return true;
    } catch (error) {
      shell.message.show(error.message);
      return false;
    }
  }
  schedule();
}
