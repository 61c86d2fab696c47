// Section 6 as Python: the constrained least-squares optima inside the L1 and
// L2 balls, found with scipy, and the norms of the post's two vectors.
import { float, lines } from './common.js';

export function penaltyPython({ center, H, budget }) {
  return lines(
    'import numpy as np',
    'from scipy.optimize import minimize',
    '',
    `w_ols = np.array([${center.map(float).join(', ')}])  # the unconstrained optimum`,
    `H = np.array([[${H[0].map(float).join(', ')}], [${H[1].map(float).join(', ')}]])`,
    `t = ${float(budget)}  # the budget`,
    '',
    'def loss(w):  # squared error above its minimum: an elliptic bowl',
    '    d = w - w_ols',
    '    return d @ H @ d',
    '',
    'for name, ord in [("L1 (Lasso)", 1), ("L2 (Ridge)", 2)]:',
    "    budget = {'type': 'ineq', 'fun': lambda w, o=ord: t - np.linalg.norm(w, o)}",
    "    best = min((minimize(loss, start, constraints=[budget], method='SLSQP', options={'ftol': 1e-12})",
    '                for start in ([0.0, 0.0], [t, 0.0], [0.0, t], [-t, 0.0], [0.0, -t])), key=lambda r: r.fun)',
    "    print(name, 'optimum:', np.round(best.x, 6), 'loss above the minimum:', best.fun)",
    '',
    'for x in ([1, 1, 1, 1, 1], [5, 0, 0, 0, 0]):',
    "    print(x, 'L1:', np.linalg.norm(x, 1), 'L2:', np.linalg.norm(x, 2))",
  );
}
