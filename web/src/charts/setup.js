// Chart.js with only the parts the lab draws, and the lab's defaults:
// no animation (every frame shows the newest result), and data handed over
// as {x, y} points that Chart.js need not parse.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LineController, LineElement,
  LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip,
} from 'chart.js';

// Each canvas keeps a reference to its chart (canvas.chart), so the browser
// tests and the devtools console can read what is drawn.
const exposeOnCanvas = {
  id: 'reglabExposeOnCanvas',
  afterInit(chart) { chart.canvas.chart = chart; },
};

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LineController, LineElement,
  LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip, exposeOnCanvas);

Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', sans-serif";
Chart.defaults.color = '#3d4451';
Chart.defaults.plugins.legend.labels.boxWidth = 14;
Chart.defaults.plugins.legend.labels.boxHeight = 10;

export { Chart };
