// The Fashion-MNIST part of the lab (Part 2 of the post): its sections share
// one trainer (web/src/trainer/lab.js: a worker, the data, the runs) and one
// run panel, made by the first section that mounts.
import '../trainer/views/trainer.css';
import { nnPresets } from '../../../wasm/reglab_nn.js';
import { createTrainerLab } from '../trainer/lab.js';
import { createWorker, fashionUrls } from '../trainer/spawn.js';
import { runPanel } from '../trainer/views/run_panel.js';
import { createFrames } from '../trainer/views/frame.js';
import * as data from './nn/data.js';
import * as dropout from './nn/dropout.js';
import * as batchnorm from './nn/batchnorm.js';
import * as playground from './nn/playground.js';
import * as compare from './nn/compare.js';
import * as inside from './nn/inside.js';

const SECTIONS = [data, dropout, batchnorm, playground, compare, inside];

// Fast mode and the double division are the lab's settings (sections 8 and 9 show them): in the URL as trainer.*.
function bindLabSettings(lab, urlState) {
  urlState?.bind('trainer', {
    fast: { get: () => lab.state.fast.on, set: (on) => lab.setFast({ on }) },
    fast_limit: { get: () => lab.state.fast.limit, set: (limit) => lab.setFast({ limit }) },
    twice: { get: () => lab.state.doubleDivision, set: (on) => lab.setDoubleDivision(on) },
  });
}

/** The sections, each mount(root, context) receiving the shared trainer as context.trainer. */
export function trainerSections() {
  let shared = null;
  const trainer = ({ reglab, strings, urlState }) => {
    if (!shared) {
      const lab = createTrainerLab({ createWorker, dataUrls: fashionUrls(), presets: nnPresets(reglab.module) });
      const frames = createFrames();  // one redraw budget per animation frame for all the views
      shared = { lab, frames, panel: runPanel(lab, strings, frames) };
      if (typeof window === 'object') window.reglabTrainer = lab;  // for the browser tests and the figures
      bindLabSettings(lab, urlState);
    }
    return shared;
  };
  return SECTIONS.map((section) => ({
    id: section.id,
    navTitle: section.navTitle,
    mount: (root, context) => section.mount(root, { ...context, trainer: trainer(context) }),
  }));
}
