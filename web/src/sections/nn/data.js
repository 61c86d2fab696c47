// Fashion-MNIST in the browser: load the data (a progress bar; from the
// browser's cache on a second visit) or the user's own IDX files, and see a
// few of the test images.
import { h } from '../../ui/dom.js';
import { sectionShell, card } from '../../ui/section.js';
import { perFrame } from '../../trainer/views/frame.js';
import { grayCanvas } from '../../trainer/views/images.js';

export const id = 'fashion-mnist';
export const navTitle = (strings) => strings.trainer.data.nav;

const MB = 2 ** 20;
const SAMPLE_ROWS = Array.from({ length: 20 }, (_, i) => i);

export function mount(root, { strings, trainer }) {
  const t = strings.trainer.data;
  const { lab, frames } = trainer;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });

  const load = h('button', { type: 'button', class: 'btn btn-primary load-data', text: t.load, on: { click: () => lab.ensureData().catch(() => {}) } });
  const bar = h('div', { class: 'progress-bar' });
  const track = h('div', { class: 'progress-track', role: 'progressbar', 'aria-label': t.progressLabel, 'aria-valuemin': '0', 'aria-valuemax': '100' }, bar);
  const status = h('p', { class: 'data-status', role: 'status' });
  // A file that could not be loaded while other data stay loaded.
  const problem = h('p', { class: 'message data-problem', role: 'alert', hidden: true });
  const files = h('input', { type: 'file', multiple: true, accept: '.gz,.idx,.idx1-ubyte,.idx3-ubyte,application/gzip,application/octet-stream', 'aria-label': t.ownLabel });
  files.addEventListener('change', () => {
    if (files.files?.length) lab.loadFiles(files.files).catch(() => {}).finally(() => { files.value = ''; });
  });
  const samples = h('div', { class: 'image-strip', role: 'group', 'aria-label': t.samplesLabel });
  let samplesFor = null;

  shell.body.append(
    h('div', { class: 'prose' }, t.paragraphs.map((text) => h('p', { text }))),
    h('div', { class: 'grid grid-2-1' },
      card(t.loadTitle, h('div', { class: 'run-buttons' }, load), track, status, samples),
      card(t.ownTitle, h('p', { class: 'note', text: t.ownHelp }), files, problem)),
    h('p', { class: 'note licence', text: t.licence }),
  );

  async function showSamples(info) {
    samplesFor = info;
    try {
      const images = await lab.testImages(SAMPLE_ROWS.filter((r) => r < info.test.count));
      if (samplesFor !== info) return;
      const names = lab.state.data.source === 'fashion' ? strings.trainer.classes : null;
      samples.replaceChildren(...images.map(({ pixels, label }) => h('figure', { class: 'sample' },
        grayCanvas(pixels, info.test.rows, info.test.cols, { scale: 2, label: names?.[label] ?? String(label) }),
        h('figcaption', { text: names?.[label] ?? String(label) }))));
    } catch {
      // the status line already says what went wrong
    }
  }

  function draw() {
    const d = lab.state.data;
    const fraction = d.status === 'loaded' ? 1 : d.total ? d.loaded / d.total : 0;
    bar.style.transform = `scaleX(${fraction.toFixed(4)})`;
    track.setAttribute('aria-valuenow', (100 * fraction).toFixed(0));
    track.dataset.status = d.status;
    load.disabled = d.status === 'loading' || d.status === 'loaded';
    files.disabled = d.status === 'loading' || lab.busy;
    if (d.status === 'none') status.textContent = lab.state.error?.fatal ? t.workerGone : t.notLoaded;
    else if (d.status === 'loading') status.textContent = d.phase === 'parse' ? t.parsing : t.loading(d.loaded / MB, d.total / MB, d.phase === 'cache');
    else if (d.status === 'failed') status.textContent = t.failed(d.message);
    else {
      status.textContent = t.loaded(d.info.train.count, d.info.test?.count ?? 0, d.seconds, d.fromCache, d.source === 'files' ? d.name : null, lab.state.heapBytes / MB)
        + (lab.state.threads ? ` ${t.threads(lab.state.threads, lab.state.threadsAllowed)}` : '');
    }
    status.classList.toggle('message', d.status === 'failed');
    const kept = d.status === 'loaded' && d.message ? strings.runs.dataKept(d.failedName ?? '', d.message) : '';
    problem.textContent = kept;
    problem.hidden = kept === '';
    if (d.status === 'loaded' && d.info.test && samplesFor !== d.info) showSamples(d.info);
    if (d.status !== 'loaded') {
      samplesFor = null;
      samples.replaceChildren();
    }
  }
  const schedule = perFrame(frames, draw, 'data');
  lab.subscribe((state, kind) => { if (kind !== 'progress' && kind !== 'epoch') schedule(); });
  schedule();
}
