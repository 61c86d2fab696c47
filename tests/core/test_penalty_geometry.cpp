// L1 vs L2 constraints on a 2-D quadratic bowl (T9's picture).
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/errors.hpp"
#include "core/penalty_geometry.hpp"

using namespace reglab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
QuadraticBowl bowl(double cx, double cy, double a, double b, double c) {
  QuadraticBowl q;
  q.center = Eigen::Vector2d(cx, cy);
  q.H << a, b, b, c;
  return q;
}
// Brute force: the smallest loss over a fine sampling of the region's boundary.
double boundary_min(const QuadraticBowl& q, double p, double t) {
  double best = INFINITY;
  for (const Point2& u : unit_ball(p, 200001)) best = std::min(best, q.loss(Eigen::Vector2d(t * u.x, t * u.y)));
  return best;
}
}  // namespace

TEST_CASE("L1 lands on a corner, L2 only shrinks", "[geometry]") {
  // OLS optimum (2, 0.5), mildly correlated features: on the edge from (1, 0)
  // to (0, 1) the loss grows away from (1, 0) (slope -2 d^T H (c - a) = 0.8 > 0
  // with d = (-1, 1)), so the smallest ellipse touches the diamond at that corner.
  const QuadraticBowl q = bowl(2, 0.5, 1, 0.2, 1);
  const ConstrainedOptimum l1 = constrained_optimum(q, Constraint::L1, 1);
  CHECK(l1.w(0) == 1.0);
  CHECK(l1.w(1) == 0.0);  // exactly 0: the sparsity L1 is known for
  CHECK(l1.on_boundary);
  CHECK(l1.loss == q.loss(l1.w));
  const ConstrainedOptimum l2 = constrained_optimum(q, Constraint::L2, 1);
  CHECK(l2.w(0) != 0.0);
  CHECK(l2.w(1) != 0.0);
  CHECK_THAT(l2.w.norm(), WithinRel(1.0, 1e-14));  // on the circle
  // Both are the true constrained minima (the brute force can only be higher).
  CHECK(l1.loss <= boundary_min(q, 1, 1) + 1e-12);
  CHECK(l2.loss <= boundary_min(q, 2, 1) + 1e-12);
  CHECK(l2.loss >= boundary_min(q, 2, 1) - 1e-6);
}

TEST_CASE("constrained optima on random bowls satisfy the budget and beat the boundary", "[geometry]") {
  std::mt19937 rng(Catch::rngSeed());
  std::normal_distribution<double> normal;
  for (int trial = 0; trial < 10; ++trial) {
    const double a = std::exp(normal(rng)), c = std::exp(normal(rng));
    const double b = 0.9 * std::sqrt(a * c) * std::tanh(normal(rng));  // keeps H positive definite
    const QuadraticBowl q = bowl(2 * normal(rng), 2 * normal(rng), a, b, c);
    const double t = 0.2 + std::abs(normal(rng));
    INFO("trial " << trial);
    for (Constraint k : {Constraint::L1, Constraint::L2}) {
      const double p = k == Constraint::L1 ? 1 : 2;
      const ConstrainedOptimum o = constrained_optimum(q, k, t);
      const double norm = p == 1 ? o.w.lpNorm<1>() : o.w.norm();
      CHECK(norm <= t * (1 + 1e-12));
      if (o.on_boundary) {
        CHECK_THAT(norm, WithinRel(t, 1e-12));
        CHECK(o.loss <= boundary_min(q, p, t) + 1e-9);
      } else {
        CHECK(o.loss == 0.0);
      }
    }
  }
}

TEST_CASE("a feasible optimum is left alone; budget 0 gives the origin", "[geometry]") {
  const QuadraticBowl q = bowl(0.3, -0.2, 2, 0, 1);
  const ConstrainedOptimum o = constrained_optimum(q, Constraint::L1, 1);
  CHECK(o.w == q.center);
  CHECK(o.loss == 0);
  CHECK_FALSE(o.on_boundary);
  for (Constraint k : {Constraint::L1, Constraint::L2}) CHECK(constrained_optimum(q, k, 0).w == Eigen::Vector2d::Zero());
}

TEST_CASE("loss contours are ellipses at the requested level", "[geometry]") {
  const QuadraticBowl q = bowl(1, 2, 2, 0.5, 1);
  const auto pts = loss_contour(q, 3.0, 64);
  REQUIRE(pts.size() == 64);
  CHECK((pts.front().x == pts.back().x && pts.front().y == pts.back().y));
  for (const Point2& p : pts) CHECK_THAT(q.loss(Eigen::Vector2d(p.x, p.y)), WithinRel(3.0, 1e-12));
  for (const Point2& p : loss_contour(q, 0, 5)) CHECK((p.x == 1 && p.y == 2));
}

TEST_CASE("bad bowls and budgets are InputErrors", "[geometry][errors]") {
  CHECK_THROWS_WITH(constrained_optimum(bowl(1, 1, 1, 2, 1), Constraint::L2, 1), Catch::Contains("positive definite"));
  QuadraticBowl asym = bowl(1, 1, 1, 0, 1);
  asym.H(0, 1) = 0.5;
  CHECK_THROWS_WITH(constrained_optimum(asym, Constraint::L2, 1), Catch::Contains("symmetric"));
  CHECK_THROWS_WITH(constrained_optimum(bowl(1, 1, 1, 0, 1), Constraint::L1, -1), Catch::Contains("budget"));
  CHECK_THROWS_AS(loss_contour(bowl(1, 1, 1, 0, 1), -1, 10), InputError);
  CHECK_THROWS_AS(loss_contour(bowl(1, 1, 1, 0, 1), 1, 2), InputError);
}
