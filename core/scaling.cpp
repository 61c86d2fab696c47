#include "core/scaling.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"

namespace reglab {

Scaling parse_scaling(std::string_view name) {
  if (name == "none") return Scaling::None;
  if (name == "minmax") return Scaling::MinMax;
  if (name == "zscore") return Scaling::ZScore;
  throw InputError("unknown scaling '" + std::string(name) + "' (use none, minmax or zscore)");
}

Eigen::MatrixXd Scaler::apply(const Eigen::MatrixXd& X) const {
  if (X.cols() != offset.size())
    throw InputError("scaler was fitted on " + std::to_string(offset.size()) + " columns, got " +
                     std::to_string(X.cols()));
  return (X.rowwise() - offset).array().rowwise() / scale.array();
}

Scaler fit_scaler(Scaling kind, const Eigen::MatrixXd& X) {
  const Eigen::Index d = X.cols();
  const double n = static_cast<double>(X.rows());
  const double eps = std::numeric_limits<double>::epsilon();
  Scaler s{Eigen::RowVectorXd::Zero(d), Eigen::RowVectorXd::Ones(d)};
  if (kind == Scaling::None) return s;
  if (X.rows() < 1) throw InputError("cannot fit a scaler on 0 rows");
  for (Eigen::Index j = 0; j < d; ++j) {
    if (kind == Scaling::MinMax) {
      const double lo = X.col(j).minCoeff();
      const double range = X.col(j).maxCoeff() - lo;
      s.offset(j) = lo;
      // sklearn's _handle_zeros_in_scale: a range below 10 eps counts as constant.
      s.scale(j) = range < 10 * eps ? 1.0 : range;
    } else {
      const double mean = X.col(j).mean();
      const double var = (X.col(j).array() - mean).square().sum() / n;  // ddof = 0
      s.offset(j) = mean;
      // sklearn's _is_constant_feature: variance within rounding error of 0.
      const double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
      s.scale(j) = var <= bound ? 1.0 : std::sqrt(var);
    }
  }
  return s;
}

}  // namespace reglab
