#include "core/metrics.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"

namespace reglab {

RegressionMetrics regression_metrics(const Eigen::VectorXd& y_true, const Eigen::VectorXd& y_pred) {
  if (y_true.size() != y_pred.size())
    throw InputError("metrics: " + std::to_string(y_true.size()) + " targets but " +
                     std::to_string(y_pred.size()) + " predictions");
  RegressionMetrics m;
  m.n = static_cast<int>(y_true.size());
  if (m.n == 0) throw InputError("metrics: no rows");
  const Eigen::ArrayXd err = (y_true - y_pred).array();
  m.mae = err.abs().mean();
  m.mse = err.square().mean();
  m.rmse = std::sqrt(m.mse);
  // sklearn's r2_score (force_finite): undefined for one sample (nan),
  // 1 for a perfect fit of a constant target, 0 for an imperfect one.
  if (m.n < 2) {
    m.r2 = std::numeric_limits<double>::quiet_NaN();
  } else {
    const double ss_res = err.square().sum();
    const double ss_tot = (y_true.array() - y_true.mean()).square().sum();
    m.r2 = ss_tot != 0.0 ? 1.0 - ss_res / ss_tot : (ss_res == 0.0 ? 1.0 : 0.0);
  }
  return m;
}

}  // namespace reglab
