#pragma once
// scikit-learn's cyclic coordinate descent for the elastic net (dense X),
// as enet_coordinate_descent in sklearn/linear_model/_cd_fast.pyx. It solves
//   min_w (1/2)||y - Xw||^2 + l1_reg ||w||_1 + (l2_reg/2) ||w||^2
// on data the caller has centred. ElasticNet.fit passes
// l1_reg = alpha * l1_ratio * n and l2_reg = alpha * (1 - l1_ratio) * n.
#include <Eigen/Core>

namespace reglab {

struct CoordinateDescentResult {
  Eigen::VectorXd w;      // (features)
  double gap = 0.0;       // duality gap at the last check, unscaled
  double tol = 0.0;       // tol * ||y||^2, the threshold the gap is held to
  int n_iter = 0;         // passes over the coordinates
  bool converged = false; // false when max_iter passes ran out
};

CoordinateDescentResult enet_coordinate_descent(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                double l1_reg, double l2_reg, int max_iter,
                                                double tol, Eigen::VectorXd w);

}  // namespace reglab
