#pragma once
// L1 vs L2 for two coefficients: the least-squares loss is a quadratic bowl
// L(w) = (w - w_ols)^T H (w - w_ols) + L_min; its level sets are ellipses.
// Constraining ||w||_1 <= t (diamond) or ||w||_2 <= t (circle) moves the
// optimum to where the smallest ellipse touches the region: for L1 this is
// often a corner, i.e. a coefficient exactly 0.
#include <Eigen/Core>
#include <vector>

#include "core/norms.hpp"

namespace reglab {

struct QuadraticBowl {
  Eigen::Vector2d center;  // unconstrained optimum (OLS)
  Eigen::Matrix2d H;       // symmetric positive definite (X^T X / n)
  double loss(const Eigen::Vector2d& w) const;  // (w - center)^T H (w - center), i.e. L(w) - L_min
};

enum class Constraint { L1, L2 };

struct ConstrainedOptimum {
  Eigen::Vector2d w;   // argmin L(w) s.t. ||w||_p <= budget
  double loss = 0.0;   // L(w) - L_min
  bool on_boundary = false;
};

// Exact: L2 by bisection on the KKT multiplier, L1 by minimising over the
// diamond's four edges (a corner is returned exactly). Throws InputError when
// H is not symmetric positive definite or the budget is negative.
ConstrainedOptimum constrained_optimum(const QuadraticBowl& bowl, Constraint c, double budget);

// Points of the level set {w : L(w) = level}, closed.
std::vector<Point2> loss_contour(const QuadraticBowl& bowl, double level, int n_points);

}  // namespace reglab
