// The sections of the lab, in the order of the study post. Each module
// exports { id, navTitle(strings), mount(root, context) }. Groups become the
// navigation's headings; the Fashion-MNIST trainer adds a group of its own.
import * as intro from './intro.js';
import * as scaling from './scaling.js';
import * as oneFeature from './one_feature.js';
import * as wine from './wine.js';
import * as norms from './norms.js';
import * as penalty from './penalty.js';
import { trainerSections } from './trainer.js';

export const GROUPS = [
  { title: (strings) => strings.navGroupTabular, sections: [intro, scaling, oneFeature, wine, norms, penalty] },
  { title: (strings) => strings.trainer.navGroup, sections: trainerSections() },
];
