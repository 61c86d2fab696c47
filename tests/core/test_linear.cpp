// Linear models on problems with known answers: exact recovery, closed
// forms, KKT optimality of coordinate descent, and parameter validation.
#include <catch2/catch.hpp>

#include <Eigen/QR>
#include <cmath>
#include <random>

#include "core/errors.hpp"
#include "core/linear.hpp"
#include "tabular_fixtures.hpp"

using namespace reglab;
using Catch::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
// A random regression problem seeded by the test runner (--rng-seed).
struct Problem {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  Eigen::VectorXd w;
  double b;
};
Problem random_problem(std::mt19937& rng, int n, int d, double noise) {
  std::normal_distribution<double> normal;
  Problem p{Eigen::MatrixXd(n, d), Eigen::VectorXd(n), Eigen::VectorXd(d), normal(rng)};
  for (int j = 0; j < d; ++j) {
    p.w(j) = (j % 3 == 0) ? 0.0 : 2 * normal(rng);  // some true zeros
    const double scale = std::exp(normal(rng));    // uneven column scales
    for (int i = 0; i < n; ++i) p.X(i, j) = scale * normal(rng) + 1.5;
  }
  for (int i = 0; i < n; ++i) p.y(i) = p.X.row(i).dot(p.w) + p.b + noise * normal(rng);
  return p;
}
std::mt19937 runner_rng() { return std::mt19937(Catch::rngSeed()); }
}  // namespace

TEST_CASE("OLS recovers the weights of noiseless data", "[linear]") {
  auto rng = runner_rng();
  const Problem p = random_problem(rng, 30, 5, 0.0);
  const LinearFit f = fit(Ols{}, p.X, p.y);
  for (int j = 0; j < 5; ++j) CHECK_THAT(f.coef(j), WithinAbs(p.w(j), 1e-9));
  CHECK_THAT(f.intercept, WithinAbs(p.b, 1e-9));
  CHECK((f.predict(p.X) - p.y).cwiseAbs().maxCoeff() < 1e-9);
}

TEST_CASE("OLS on collinear columns gives the minimum-norm solution", "[linear]") {
  // y = 2x + 1 with x twice: every (a, 2 - a) fits; lstsq picks (1, 1).
  Eigen::MatrixXd X(4, 2);
  X << 1, 1, 2, 2, 3, 3, 5, 5;
  const Eigen::VectorXd y = 2 * X.col(0).array() + 1;
  const LinearFit f = fit(Ols{}, X, y);
  CHECK_THAT(f.coef(0), WithinAbs(1.0, 1e-12));
  CHECK_THAT(f.coef(1), WithinAbs(1.0, 1e-12));
  CHECK_THAT(f.intercept, WithinAbs(1.0, 1e-12));
}

TEST_CASE("Ridge equals its closed form on centred data", "[linear]") {
  auto rng = runner_rng();
  const Problem p = random_problem(rng, 25, 4, 0.5);
  for (double alpha : {0.0, 0.1, 1.0, 100.0}) {
    INFO("alpha " << alpha);
    const LinearFit f = fit(Ridge{alpha}, p.X, p.y);
    // Independent route: least squares on [Xc; sqrt(alpha) I] w = [yc; 0].
    const Eigen::RowVectorXd xm = p.X.colwise().mean();
    const Eigen::MatrixXd Xc = p.X.rowwise() - xm;
    Eigen::MatrixXd A(25 + 4, 4);
    A << Xc, std::sqrt(alpha) * Eigen::MatrixXd::Identity(4, 4);
    Eigen::VectorXd b = Eigen::VectorXd::Zero(29);
    b.head(25) = p.y.array() - p.y.mean();
    const Eigen::VectorXd w = A.colPivHouseholderQr().solve(b);
    CHECK(f.coef.isApprox(w, 1e-9));
    CHECK_THAT(f.intercept, WithinAbs(p.y.mean() - xm.dot(w), 1e-9));
  }
  CHECK(fit(Ridge{0.0}, p.X, p.y).coef.isApprox(fit(Ols{}, p.X, p.y).coef, 1e-10));
}

TEST_CASE("Lasso and ElasticNet satisfy the KKT conditions", "[linear][kkt]") {
  auto rng = runner_rng();
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 8; ++trial) {
    const Problem p = random_problem(rng, 40, 6, 1.0);
    const double l1_ratio = trial % 2 == 0 ? 1.0 : unit(rng);
    const double alpha = std::pow(10.0, -2 + 2 * unit(rng));
    const LinearModel model = l1_ratio == 1.0 ? LinearModel(Lasso{alpha}) : LinearModel(ElasticNet{alpha, l1_ratio});
    const LinearFit f = fit(model, p.X, p.y, SolverOptions{100000, 1e-14});
    INFO("trial " << trial << " alpha " << alpha << " l1_ratio " << l1_ratio);
    REQUIRE(f.converged);
    // Objective (1/2n)||y - Xw - b||^2 + a r |w|_1 + a (1 - r)/2 |w|^2: the smooth
    // part's gradient g must equal -a r sign(w_j) where w_j != 0 and lie in
    // [-a r, a r] where w_j == 0. The intercept's condition is a zero mean residual.
    const Eigen::VectorXd r = p.y - f.predict(p.X);
    const Eigen::VectorXd g = -p.X.transpose() * r / 40.0 + alpha * (1 - l1_ratio) * f.coef;
    const double l1 = alpha * l1_ratio;
    CHECK_THAT(r.mean(), WithinAbs(0.0, 1e-10));
    for (int j = 0; j < 6; ++j) {
      INFO("coefficient " << j << " = " << f.coef(j) << ", gradient " << g(j));
      if (f.coef(j) != 0.0) {
        CHECK_THAT(g(j), WithinAbs(-l1 * (f.coef(j) > 0 ? 1 : -1), 1e-6 * (1 + l1)));
      } else {
        CHECK(std::fabs(g(j)) <= l1 * (1 + 1e-6) + 1e-9);
      }
    }
  }
}

TEST_CASE("Lasso is ElasticNet with l1_ratio 1, bit for bit", "[linear]") {
  const auto d = test::wine();
  const LinearFit a = fit(Lasso{0.05}, d.X, d.y);
  const LinearFit b = fit(ElasticNet{0.05, 1.0}, d.X, d.y);
  CHECK(a.coef == b.coef);
  CHECK(a.intercept == b.intercept);
  CHECK(a.n_iter == b.n_iter);
}

TEST_CASE("Lasso above alpha_max is all zeros after one pass", "[linear]") {
  auto rng = runner_rng();
  const Problem p = random_problem(rng, 20, 3, 1.0);
  const Eigen::MatrixXd Xc = p.X.rowwise() - p.X.colwise().mean();
  const double alpha_max = (Xc.transpose() * (p.y.array() - p.y.mean()).matrix()).cwiseAbs().maxCoeff() / 20;
  const LinearFit f = fit(Lasso{alpha_max * 1.001}, p.X, p.y);
  CHECK(f.coef.cwiseAbs().maxCoeff() == 0.0);
  CHECK_THAT(f.intercept, WithinRel(p.y.mean(), 1e-14));
  CHECK(f.n_iter == 1);
}

TEST_CASE("coordinate descent: max_iter, warm starts, non-convergence", "[linear]") {
  const auto d = test::wine();
  const LinearFit cold = fit(Lasso{0.05}, d.X, d.y);
  REQUIRE(cold.converged);
  // Starting from the answer, one pass suffices.
  const LinearFit warm = fit(Lasso{0.05}, d.X, d.y, {}, &cold.coef);
  CHECK(warm.n_iter == 1);
  CHECK(warm.coef.isApprox(cold.coef, 1e-3));  // one more pass moves w within the tolerance
  // Raw wine features with a tiny alpha need many passes: 5 are not enough.
  const LinearFit stopped = fit(Lasso{1e-4}, d.X, d.y, SolverOptions{5, 1e-4});
  CHECK_FALSE(stopped.converged);
  CHECK(stopped.n_iter == 5);
  CHECK(stopped.dual_gap > 0);
  const Eigen::VectorXd wrong = Eigen::VectorXd::Zero(3);
  CHECK_THROWS_WITH(fit(Lasso{0.05}, d.X, d.y, {}, &wrong), Contains("warm start has 3 coefficients"));
}

TEST_CASE("a constant target converges at once", "[linear]") {
  Eigen::MatrixXd X(4, 1);
  X << 1, 2, 3, 4;
  const LinearFit f = fit(Lasso{0.1}, X, Eigen::VectorXd::Constant(4, 2.0));
  CHECK(f.converged);
  CHECK(f.n_iter == 1);
  CHECK(f.coef(0) == 0.0);
  CHECK(f.intercept == 2.0);
}

TEST_CASE("make_model and fit reject bad parameters and data", "[linear][errors]") {
  CHECK(model_name(make_model("ols", 1, 0.5)) == "ols");
  CHECK(model_name(make_model("ridge", 2, 0.5)) == "ridge");
  CHECK(std::get<Lasso>(make_model("lasso", 0.5, 0.5)).alpha == 0.5);
  CHECK(std::get<ElasticNet>(make_model("elasticnet", 0.5, 0.25)).l1_ratio == 0.25);
  CHECK(std::holds_alternative<ElasticNet>(make_model("elasticnet", 0, 0)));
  CHECK_THROWS_WITH(make_model("svm", 1, 0.5), Contains("unknown model 'svm'"));
  CHECK_THROWS_WITH(make_model("lasso", -1, 0.5), Contains("alpha must be") && Contains("got -1"));
  CHECK_THROWS_WITH(make_model("ridge", INFINITY, 0.5), Contains("alpha"));
  CHECK_THROWS_WITH(make_model("ridge", NAN, 0.5), Contains("alpha"));
  CHECK_THROWS_WITH(make_model("elasticnet", 1, 2), Contains("l1_ratio must be in [0, 1]") && Contains("got 2"));
  CHECK_THROWS_WITH(make_model("elasticnet", 1, -0.1), Contains("l1_ratio"));

  const Eigen::MatrixXd X = Eigen::MatrixXd::Random(5, 2);
  const Eigen::VectorXd y = Eigen::VectorXd::Random(5);
  CHECK_THROWS_WITH(fit(Lasso{1}, X, y, SolverOptions{0, 1e-4}), Contains("max_iter must be >= 1"));
  CHECK_THROWS_WITH(fit(Lasso{1}, X, y, SolverOptions{10, -1}), Contains("tol must be"));
  CHECK_THROWS_WITH(fit(Lasso{-1}, X, y), Contains("alpha"));  // a model built by hand is checked too
  CHECK_THROWS_WITH(fit(Ols{}, X, Eigen::VectorXd::Zero(4)), Contains("5 rows but y has 4"));
  CHECK_THROWS_WITH(fit(Ols{}, X.topRows(1), y.head(1)), Contains("at least 2 rows"));
  CHECK_THROWS_WITH(fit(Ols{}, Eigen::MatrixXd(5, 0), y), Contains("at least 1 feature"));
  Eigen::MatrixXd bad = X;
  bad(2, 1) = NAN;
  CHECK_THROWS_WITH(fit(Ridge{1}, bad, y), Contains("NaN"));
  CHECK_THROWS_WITH(fit(Ols{}, X, y).predict(Eigen::MatrixXd::Zero(2, 3)), Contains("2 coefficients"));
}
