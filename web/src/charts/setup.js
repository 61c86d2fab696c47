// Chart.js with only the parts the lab draws, and the lab's defaults:
// no animation (every frame shows the newest result), and data handed over
// as {x, y} points that Chart.js need not parse.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LineController, LineElement,
  LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip,
} from 'chart.js';
import { assignDashes } from './dashes.js';
import { KEY_WIDTH, withKeys } from './legend.js';

// Each canvas keeps a reference to its chart (canvas.chart), so the browser
// tests and the devtools console can read what is drawn.
const exposeOnCanvas = {
  id: 'reglabExposeOnCanvas',
  afterInit(chart) { chart.canvas.chart = chart; },
};

// Lines that would differ by colour alone get dash patterns (dashes.js); the
// chart tools (ui/chart_tools.js) hear of each update to refresh an open data table.
const accessibility = {
  id: 'reglabAccessibility',
  beforeUpdate(chart) { assignDashes(chart.data.datasets); },
  afterUpdate(chart) { chart.canvas.dispatchEvent(new CustomEvent('reglab:chart-updated')); },
};

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LineController, LineElement,
  LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip, exposeOnCanvas, accessibility);

// No animation, ever: every frame shows the newest result, and readers who
// ask for reduced motion (prefers-reduced-motion) get none either. Hover
// transitions are off too.
Chart.defaults.animation = false;
Chart.defaults.transitions.active.animation.duration = 0;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', sans-serif";
Chart.defaults.color = '#3d4451';
Chart.defaults.plugins.legend.labels.boxWidth = 14;
Chart.defaults.plugins.legend.labels.boxHeight = 10;
// Legend keys drawn as the data are (line and dash, marker, box): legend.js.
Chart.defaults.plugins.legend.labels.usePointStyle = true;
Chart.defaults.plugins.legend.labels.pointStyleWidth = KEY_WIDTH;
Chart.defaults.plugins.legend.labels.generateLabels = withKeys(Chart.defaults.plugins.legend.labels.generateLabels);

export { Chart };
