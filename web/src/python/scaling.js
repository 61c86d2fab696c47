// Section 2 as Python: the scatter before and after scaling (the post's T1).
import { lines, str } from './common.js';

export function scalingPython({ species }) {
  return lines(
    'from sklearn.datasets import load_iris',
    'from sklearn.preprocessing import minmax_scale, scale',
    'import matplotlib.pyplot as plt',
    '',
    'iris = load_iris(as_frame=True)',
    'df = iris.frame',
    `rows = df[iris.target_names[df['target']] == ${str(species)}]`,
    "x = rows['petal length (cm)'].to_numpy()",
    "y = rows['sepal length (cm)'].to_numpy()",
    '',
    'fig, axes = plt.subplots(1, 3, figsize=(12, 4))',
    "for ax, (title, fx, fy) in zip(axes, [('raw (cm)', x, y),",
    "                                      ('min-max', minmax_scale(x), minmax_scale(y)),",
    "                                      ('z-score', scale(x), scale(y))]):",
    '    ax.scatter(fx, fy)',
    '    ax.set_title(title)',
    "    ax.set_xlabel('petal length'); ax.set_ylabel('sepal length'); ax.grid(True)",
    'plt.show()',
  );
}
