// Section 5 as Python: vector p-norms and matrix norms with numpy (the post's T7, T8).
import { float, lines } from './common.js';

const pLiteral = (p) => (p === Infinity ? 'np.inf' : float(p));

export function normsPython({ vector, p, matrix }) {
  return lines(
    'import numpy as np',
    '',
    `x = np.array(${JSON.stringify(vector)}, dtype=float)`,
    `p = ${pLiteral(p)}`,
    "print('numpy :', np.linalg.norm(x, ord=p))",
    p === Infinity ? "print('by hand:', np.max(np.abs(x)))" : "print('by hand:', np.sum(np.abs(x) ** p) ** (1 / p))",
    '',
    `A = np.array(${JSON.stringify(matrix)}, dtype=float)`,
    "for ord in [1, np.inf, 2, 'fro', 'nuc']:",
    "    print(ord, np.linalg.norm(A, ord=ord))",
  );
}

export function unitBallPython({ p }) {
  return lines(
    'import numpy as np',
    'import matplotlib.pyplot as plt',
    '',
    '# Points of {v : ||v||_p = 1}: scale each direction to norm 1.',
    't = np.linspace(0, 2 * np.pi, 257)',
    'directions = np.stack([np.cos(t), np.sin(t)], axis=1)',
    'for p in [1, 2, np.inf, ' + pLiteral(p) + ']:',
    '    ball = directions / np.linalg.norm(directions, ord=p, axis=1, keepdims=True)',
    "    plt.plot(ball[:, 0], ball[:, 1], label=f'p = {p}')",
    "plt.gca().set_aspect('equal'); plt.legend(); plt.grid(True)",
    'plt.show()',
  );
}
