// Section 3 as Python: OLS, Lasso and Ridge on one feature (the post's T2-T4).
import { float, lines } from './common.js';

export function oneFeaturePython({ lassoAlpha, ridgeAlpha }) {
  return lines(
    'import numpy as np',
    'import matplotlib.pyplot as plt',
    'from sklearn.datasets import load_iris',
    'from sklearn.linear_model import LinearRegression, Lasso, Ridge',
    '',
    'iris = load_iris(as_frame=True)',
    "virginica = iris.frame[iris.frame['target'] == 2]",
    "X = virginica[['petal length (cm)']].to_numpy()",
    "y = virginica['sepal length (cm)'].to_numpy()",
    '',
    'models = {',
    "    'OLS': LinearRegression(),",
    `    'Lasso': Lasso(alpha=${float(lassoAlpha)}),`,
    `    'Ridge': Ridge(alpha=${float(ridgeAlpha)}),`,
    '}',
    'order = np.argsort(X[:, 0])',
    'plt.scatter(X[:, 0], y, label="virginica")',
    'for name, model in models.items():',
    '    model.fit(X, y)',
    "    print(f'{name}: slope {model.coef_[0]:.2f}, intercept {model.intercept_:.2f}')",
    '    plt.plot(X[order, 0], model.predict(X[order]), label=name)',
    "plt.xlabel('petal length (cm)'); plt.ylabel('sepal length (cm)'); plt.legend(); plt.grid(True)",
    'plt.show()',
  );
}
