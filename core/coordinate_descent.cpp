#include "core/coordinate_descent.hpp"

#include <cmath>

namespace reglab {

namespace {
double fsign(double f) { return f == 0 ? 0.0 : (f > 0 ? 1.0 : -1.0); }

// The duality gap of the elastic net at w with residual R = y - Xw.
double duality_gap(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                   const Eigen::VectorXd& R, double l1_reg, double l2_reg) {
  const Eigen::VectorXd XtA = X.transpose() * R - l2_reg * w;
  const double dual_norm_XtA = XtA.cwiseAbs().maxCoeff();
  const double R_norm2 = R.squaredNorm();
  const double w_norm2 = w.squaredNorm();
  double scale = 1.0;  // shrinks R into the dual feasible set
  double gap = R_norm2;
  if (dual_norm_XtA > l1_reg) {
    scale = l1_reg / dual_norm_XtA;
    gap = 0.5 * (R_norm2 + R_norm2 * scale * scale);
  }
  gap += l1_reg * w.lpNorm<1>() - scale * R.dot(y) + 0.5 * l2_reg * (1 + scale * scale) * w_norm2;
  return gap;
}
}  // namespace

CoordinateDescentResult enet_coordinate_descent(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                double l1_reg, double l2_reg, int max_iter,
                                                double tol, Eigen::VectorXd w) {
  const Eigen::Index n_features = X.cols();
  const Eigen::VectorXd norm_cols_X = X.colwise().squaredNorm().transpose();
  Eigen::VectorXd R = y - X * w;
  const double d_w_tol = tol;
  tol *= y.squaredNorm();

  CoordinateDescentResult out;
  out.tol = tol;
  double gap = tol + 1.0;
  int n_iter = 0;
  for (; n_iter < max_iter; ++n_iter) {
    double w_max = 0.0;
    double d_w_max = 0.0;
    for (Eigen::Index ii = 0; ii < n_features; ++ii) {
      if (norm_cols_X(ii) == 0.0) continue;
      const double w_ii = w(ii);
      if (w_ii != 0.0) R += w_ii * X.col(ii);
      const double tmp = X.col(ii).dot(R);
      // Soft-thresholding; keeps sklearn's signed zero (-0.0) for negative tmp.
      w(ii) = fsign(tmp) * std::fmax(std::fabs(tmp) - l1_reg, 0.0) / (norm_cols_X(ii) + l2_reg);
      if (w(ii) != 0.0) R -= w(ii) * X.col(ii);
      d_w_max = std::fmax(d_w_max, std::fabs(w(ii) - w_ii));
      w_max = std::fmax(w_max, std::fabs(w(ii)));
    }
    if (w_max == 0.0 || d_w_max / w_max < d_w_tol || n_iter == max_iter - 1) {
      gap = duality_gap(X, y, w, R, l1_reg, l2_reg);
      // gap == 0 also stops: with a constant target tol is 0 and sklearn
      // would spin to max_iter on an exact solution.
      if (gap < tol || gap == 0.0) {
        out.converged = true;
        break;
      }
    }
  }
  out.n_iter = out.converged ? n_iter + 1 : max_iter;
  out.gap = gap;
  out.w = std::move(w);
  return out;
}

}  // namespace reglab
