#pragma once
#include <Eigen/Core>

namespace reglab {

struct RegressionMetrics {
  int n = 0;
  double mae = 0, mse = 0, rmse = 0, r2 = 0;  // r2 as sklearn's r2_score (NaN when n < 2)
};

// Throws InputError on no rows or lengths that differ.
RegressionMetrics regression_metrics(const Eigen::VectorXd& y_true, const Eigen::VectorXd& y_pred);

}  // namespace reglab
