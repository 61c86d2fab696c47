// Section 4 as Python: the models table, the regularization path and the
// cross-validation curve, with the page's current settings (the post's T5, T6).
import { float, lines, str } from './common.js';

const CLASS = { ols: 'LinearRegression', lasso: 'Lasso', ridge: 'Ridge', elasticnet: 'ElasticNet' };
const SCALER = { minmax: 'MinMaxScaler', zscore: 'StandardScaler' };

export function modelCode(model, alpha, l1Ratio) {
  if (model === 'ols') return 'LinearRegression()';
  if (model === 'elasticnet') return `ElasticNet(alpha=${float(alpha)}, l1_ratio=${float(l1Ratio)})`;
  return `${CLASS[model]}(alpha=${float(alpha)})`;
}

function dataCode({ source, target, data }) {
  if (source.kind === 'builtin') {
    return [
      'from sklearn.datasets import load_wine',
      '',
      'wine = load_wine(as_frame=True)',
      'X, y = wine.data, wine.target',
    ];
  }
  return [
    'import pandas as pd',
    '',
    `df = pd.read_csv(${str(source.name)})`,
    `y = df[${str(target)}]`,
    data?.features
      ? `X = df[[${data.features.map(str).join(', ')}]]`  // the features picked on the page
      : `X = df.drop(columns=[${str(target)}]).select_dtypes('number')`,
  ];
}

function splitCode({ testSize, seed, scaling }) {
  return [
    `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=${float(testSize)}, random_state=${seed})`,
    SCALER[scaling] ? [
      `scaler = ${SCALER[scaling]}().fit(X_train)  # fitted on the training rows only`,
      'X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)',
    ] : null,
  ];
}

function imports(settings, extra) {
  const models = new Set(['LinearRegression', 'Lasso', 'Ridge', 'ElasticNet']);
  return [
    'import numpy as np',
    'from sklearn.model_selection import train_test_split' + (extra ? ', KFold, validation_curve' : ''),
    `from sklearn.linear_model import ${[...models].join(', ')}`,
    SCALER[settings.scaling] ? `from sklearn.preprocessing import ${SCALER[settings.scaling]}` : null,
    extra ? null : 'from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score',
  ];
}

export function winePython(settings) {
  const { alphas, l1Ratio } = settings;
  return lines(
    imports(settings, false),
    dataCode(settings),
    splitCode(settings),
    '',
    'models = {',
    `    'OLS': ${modelCode('ols')},`,
    `    'Lasso': ${modelCode('lasso', alphas.lasso)},`,
    `    'Ridge': ${modelCode('ridge', alphas.ridge)},`,
    `    'ElasticNet': ${modelCode('elasticnet', alphas.elasticnet, l1Ratio)},`,
    '}',
    'for name, model in models.items():',
    '    model.fit(X_train, y_train)',
    '    pred = model.predict(X_test)',
    '    mse = mean_squared_error(y_test, pred)',
    "    print(f'{name}: MAE {mean_absolute_error(y_test, pred)!r}, MSE {mse!r}, RMSE {np.sqrt(mse)!r},'",
    "          f' R2 {r2_score(y_test, pred):.4f}, non-zero coefficients {np.count_nonzero(model.coef_)}')",
    '    print(model.coef_)',
  );
}

export function pathPython(settings) {
  const { pathModel, grid, folds, l1Ratio } = settings;
  const estimator = pathModel === 'elasticnet' ? `ElasticNet(l1_ratio=${float(l1Ratio)})` : `${CLASS[pathModel]}()`;
  const fitOne = pathModel === 'elasticnet'
    ? `ElasticNet(alpha=a, l1_ratio=${float(l1Ratio)})`
    : `${CLASS[pathModel]}(alpha=a)`;
  return lines(
    imports(settings, true),
    'import matplotlib.pyplot as plt',
    dataCode(settings),
    splitCode(settings),
    '',
    `alphas = np.logspace(np.log10(${float(grid.lo)}), np.log10(${float(grid.hi)}), ${grid.n})[::-1]`,
    '',
    '# The regularization path: one fit per alpha on the training rows.',
    `coefs = np.array([${fitOne}.fit(X_train, y_train).coef_ for a in alphas])`,
    '',
    `# ${folds}-fold cross-validation on the training rows (KFold without shuffling).`,
    `_, val_scores = validation_curve(${estimator}, X_train, y_train, param_name='alpha',`,
    `                                 param_range=alphas, cv=KFold(${folds}), scoring='neg_mean_squared_error')`,
    'mse = -val_scores',
    'mean, std = mse.mean(axis=1), mse.std(axis=1)',
    "print('best alpha:', alphas[np.argmin(mean)], 'validation MSE:', mean.min())",
    '',
    'fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))',
    "left.semilogx(alphas, coefs); left.set_xlabel('alpha'); left.set_ylabel('coefficient')",
    'right.semilogx(alphas, mean)',
    'right.fill_between(alphas, mean - std, mean + std, alpha=0.3)',
    "right.set_xlabel('alpha'); right.set_ylabel('validation MSE')",
    'plt.show()',
  );
}
