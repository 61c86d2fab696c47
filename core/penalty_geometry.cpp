#include "core/penalty_geometry.hpp"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {
constexpr double kPi = 3.14159265358979323846;

// Eigen-decomposition of H after checking the bowl is a proper one.
Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> checked_eigen(const QuadraticBowl& bowl) {
  if (!bowl.center.allFinite() || !bowl.H.allFinite()) throw InputError("bowl has NaN or infinite values");
  const double scale = bowl.H.cwiseAbs().maxCoeff();
  if (std::fabs(bowl.H(0, 1) - bowl.H(1, 0)) > 1e-12 * scale) throw InputError("bowl matrix H must be symmetric");
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(bowl.H);
  if (!(eig.eigenvalues()(0) > 0)) throw InputError("bowl matrix H must be positive definite");
  return eig;
}

void check_budget(double budget) {
  if (!(std::isfinite(budget) && budget >= 0))
    throw InputError("budget must be a finite number >= 0 (got " + format_number(budget) + ")");
}

// Circle: w(lambda) = (H + lambda I)^-1 H c shrinks monotonically as lambda
// grows (the KKT condition), so bisect on lambda until ||w|| = budget.
Eigen::Vector2d on_circle(const QuadraticBowl& bowl, double t) {
  if (t == 0) return Eigen::Vector2d::Zero();
  const auto eig = checked_eigen(bowl);
  const Eigen::Vector2d d = eig.eigenvalues();
  const Eigen::Matrix2d& Q = eig.eigenvectors();
  const Eigen::Vector2d b = Q.transpose() * bowl.center;
  auto w_at = [&](double lambda) -> Eigen::Vector2d {
    return Q * Eigen::Vector2d(d(0) * b(0) / (d(0) + lambda), d(1) * b(1) / (d(1) + lambda));
  };
  double lo = 0, hi = d.maxCoeff() * b.norm() / t;  // ||w(hi)|| <= t
  for (int i = 0; i < 2000 && lo < hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (w_at(mid).norm() > t ? lo : hi) = mid;
  }
  const Eigen::Vector2d w = w_at(hi);
  return w * (t / w.norm());  // land exactly on the circle
}

// Diamond: the optimum lies on one of its 4 edges; on each edge the loss is
// a 1-D quadratic, minimised in closed form and clamped to the edge, so a
// corner is returned exactly (a coefficient of exactly 0).
Eigen::Vector2d on_diamond(const QuadraticBowl& bowl, double t) {
  const Eigen::Vector2d corners[4] = {{t, 0}, {0, t}, {-t, 0}, {0, -t}};
  Eigen::Vector2d best = corners[0];
  double best_loss = bowl.loss(best);
  for (int k = 0; k < 4; ++k) {
    const Eigen::Vector2d& a = corners[k];
    const Eigen::Vector2d& b = corners[(k + 1) % 4];
    const Eigen::Vector2d dir = b - a;
    const double curvature = dir.dot(bowl.H * dir);
    const double s = curvature > 0 ? dir.dot(bowl.H * (bowl.center - a)) / curvature : 0.0;
    const Eigen::Vector2d w = s <= 0 ? a : (s >= 1 ? b : Eigen::Vector2d(a + s * dir));
    const double loss = bowl.loss(w);
    if (loss < best_loss) best = w, best_loss = loss;
  }
  return best;
}
}  // namespace

double QuadraticBowl::loss(const Eigen::Vector2d& w) const {
  const Eigen::Vector2d r = w - center;
  return r.dot(H * r);
}

ConstrainedOptimum constrained_optimum(const QuadraticBowl& bowl, Constraint c, double budget) {
  checked_eigen(bowl);
  check_budget(budget);
  const double norm = c == Constraint::L1 ? bowl.center.lpNorm<1>() : bowl.center.norm();
  ConstrainedOptimum out;
  if (norm <= budget) {  // the unconstrained optimum is feasible
    out.w = bowl.center;
    out.on_boundary = norm == budget;
  } else {
    out.w = c == Constraint::L1 ? on_diamond(bowl, budget) : on_circle(bowl, budget);
    out.on_boundary = true;
  }
  out.loss = bowl.loss(out.w);
  return out;
}

std::vector<Point2> loss_contour(const QuadraticBowl& bowl, double level, int n_points) {
  const auto eig = checked_eigen(bowl);
  if (!(std::isfinite(level) && level >= 0))
    throw InputError("contour level must be a finite number >= 0 (got " + format_number(level) + ")");
  if (n_points < 3) throw InputError("a contour needs at least 3 points");
  // Along eigenvector i the ellipse reaches sqrt(level / eigenvalue_i).
  const Eigen::Vector2d radii = (level / eig.eigenvalues().array()).sqrt();
  const Eigen::Matrix2d& Q = eig.eigenvectors();
  std::vector<Point2> out;
  out.reserve(static_cast<std::size_t>(n_points));
  for (int i = 0; i < n_points - 1; ++i) {
    const double t = 2 * kPi * i / (n_points - 1);
    const Eigen::Vector2d w = bowl.center + Q * Eigen::Vector2d(radii(0) * std::cos(t), radii(1) * std::sin(t));
    out.push_back({w(0), w(1)});
  }
  out.push_back(out.front());
  return out;
}

}  // namespace reglab
