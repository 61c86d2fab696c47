// Colours of the lab's charts: one per model, and a ramp for many features.
export const model = {
  ols: '#5b6472',
  lasso: '#d9480f',
  ridge: '#1c7ed6',
  elasticnet: '#7048e8',
};
export const data = '#2f9e44';
export const dataFill = 'rgba(47, 158, 68, 0.55)';
export const grid = '#e6e8ec';
export const zero = '#c92a2a';

// Tableau-like categorical colours for up to 20 lines (features on the path).
const CATEGORICAL = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#86bcb6', '#8cd17d', '#499894', '#d37295', '#fabfd2', '#79706e', '#d4a6c8',
  '#f1ce63', '#a0cbe8', '#ffbe7d', '#bab0ac',
];
export const categorical = (i) => CATEGORICAL[i % CATEGORICAL.length];

export const alpha = (hex, a) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
};
