#include "core/regression_path.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "core/errors.hpp"
#include "core/metrics.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {

constexpr int kMaxGrid = 10000;  // far past any useful plot; stops absurd allocations

void check_path_model(std::string_view name) {
  if (name != "ridge" && name != "lasso" && name != "elasticnet")
    throw InputError("a path needs model ridge, lasso or elasticnet (got '" + std::string(name) + "')");
}

std::vector<double> descending(std::vector<double> alphas) {
  if (alphas.empty()) throw InputError("need at least one alpha");
  std::stable_sort(alphas.begin(), alphas.end(), std::greater<double>());
  return alphas;
}

// Rows `rows` of X (or y), in that order.
Eigen::MatrixXd take_rows(const Eigen::MatrixXd& X, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = X.row(rows[i]);
  return out;
}
Eigen::VectorXd take_rows(const Eigen::VectorXd& y, const std::vector<int>& rows) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i)) = y(rows[i]);
  return out;
}

}  // namespace

std::vector<double> log_alpha_grid(double lo, double hi, int n) {
  if (!(std::isfinite(lo) && std::isfinite(hi) && lo > 0 && hi >= lo))
    throw InputError("alpha grid needs 0 < lo <= hi (got lo " + format_number(lo) + ", hi " + format_number(hi) + ")");
  if (n < 1 || n > kMaxGrid)
    throw InputError("alpha grid needs 1 to " + std::to_string(kMaxGrid) + " points (got " + std::to_string(n) + ")");
  // numpy.linspace then power(10, .): start + i * step, the last point exact.
  const double start = std::log10(lo), stop = std::log10(hi);
  std::vector<double> alphas(static_cast<std::size_t>(n));
  const double step = n > 1 ? (stop - start) / (n - 1) : 0.0;
  for (int i = 0; i < n; ++i) {
    const double e = (n > 1 && i == n - 1) ? stop : start + i * step;
    alphas[static_cast<std::size_t>(n - 1 - i)] = std::pow(10.0, e);
  }
  return alphas;
}

RegularizationPath regularization_path(std::string_view model_name, double l1_ratio,
                                       const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                       const std::vector<double>& alphas, const SolverOptions& options) {
  check_path_model(model_name);
  RegularizationPath path;
  path.alphas = descending(alphas);
  const auto n_alphas = static_cast<Eigen::Index>(path.alphas.size());
  path.coefs.resize(n_alphas, X.cols());
  path.intercepts.resize(n_alphas);
  Eigen::VectorXd previous;
  for (Eigen::Index a = 0; a < n_alphas; ++a) {
    const LinearModel model = make_model(model_name, path.alphas[static_cast<std::size_t>(a)], l1_ratio);
    const LinearFit f = fit(model, X, y, options, a > 0 ? &previous : nullptr);
    path.coefs.row(a) = f.coef.transpose();
    path.intercepts(a) = f.intercept;
    path.n_iter.push_back(f.n_iter.value_or(0));
    path.converged.push_back(f.converged);
    previous = f.coef;
  }
  return path;
}

CrossValidation cross_validate(std::string_view model_name, double l1_ratio,
                               const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const std::vector<double>& alphas, int k, const SolverOptions& options) {
  check_path_model(model_name);
  const int n = static_cast<int>(X.rows());
  if (X.rows() != y.size())
    throw InputError("X has " + std::to_string(X.rows()) + " rows but y has " + std::to_string(y.size()));
  if (k < 2 || k > n)
    throw InputError("cross-validation needs 2 <= folds <= rows (got " + std::to_string(k) + " folds, " +
                     std::to_string(n) + " rows)");
  CrossValidation cv;
  cv.alphas = descending(alphas);
  const auto n_alphas = static_cast<Eigen::Index>(cv.alphas.size());
  Eigen::MatrixXd mse(n_alphas, k);  // (alphas, folds)
  int start = 0;
  for (int fold = 0; fold < k; ++fold) {
    const int size = n / k + (fold < n % k ? 1 : 0);
    std::vector<int> train, valid;
    for (int i = 0; i < n; ++i) (i >= start && i < start + size ? valid : train).push_back(i);
    start += size;
    const Eigen::MatrixXd X_valid = take_rows(X, valid);
    const Eigen::VectorXd y_valid = take_rows(y, valid);
    const RegularizationPath path =
        regularization_path(model_name, l1_ratio, take_rows(X, train), take_rows(y, train), cv.alphas, options);
    for (Eigen::Index a = 0; a < n_alphas; ++a) {
      const Eigen::VectorXd pred = (X_valid * path.coefs.row(a).transpose()).array() + path.intercepts(a);
      mse(a, fold) = regression_metrics(y_valid, pred).mse;
    }
  }
  cv.mean_mse = mse.rowwise().mean();
  cv.std_mse = ((mse.colwise() - cv.mean_mse).array().square().rowwise().sum() / k).sqrt().matrix();
  cv.mean_mse.minCoeff(&cv.best_index);
  cv.best_alpha = cv.alphas[static_cast<std::size_t>(cv.best_index)];
  return cv;
}

}  // namespace reglab
