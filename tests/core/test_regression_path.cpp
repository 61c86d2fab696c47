// Alpha grids, warm-started paths, and k-fold cross-validation.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/regression_path.hpp"
#include "tabular_fixtures.hpp"

using namespace reglab;
using Catch::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("log_alpha_grid is numpy.logspace reversed", "[path]") {
  const std::vector<double> g = log_alpha_grid(1e-3, 10, 30);
  REQUIRE(g.size() == 30);
  // numpy 1.24: np.logspace(-3, 1, 30)[::-1]
  CHECK(g.front() == 10.0);
  CHECK(g.back() == 0.001);
  CHECK_THAT(g[1], WithinRel(7.278953843983146, 1e-15));
  CHECK_THAT(g[15], WithinRel(0.08531678524172805, 1e-15));
  CHECK_THAT(g[28], WithinRel(0.0013738237958832622, 1e-15));
  CHECK(log_alpha_grid(2, 2, 1) == std::vector<double>{2});
  CHECK_THROWS_AS(log_alpha_grid(0, 1, 5), InputError);
  CHECK_THROWS_AS(log_alpha_grid(2, 1, 5), InputError);
  CHECK_THROWS_AS(log_alpha_grid(1, 2, 0), InputError);
  CHECK_THROWS_AS(log_alpha_grid(1, 2, 1000000000), InputError);
}

TEST_CASE("ridge path equals one fit per alpha", "[path]") {
  const auto d = test::wine();
  const RegularizationPath p = regularization_path("ridge", 0.5, d.X, d.y, {0.1, 10, 1});
  CHECK(p.alphas == std::vector<double>{10, 1, 0.1});  // fitted in descending order
  for (int a = 0; a < 3; ++a) {
    const LinearFit f = fit(Ridge{p.alphas[a]}, d.X, d.y);
    CHECK(p.coefs.row(a).transpose() == f.coef);
    CHECK(p.intercepts(a) == f.intercept);
    CHECK(p.n_iter[a] == 0);
    CHECK(p.converged[a]);
  }
}

TEST_CASE("lasso path: warm starts reach the cold-start optimum", "[path]") {
  const auto d = test::virginica();
  const SolverOptions tight{10000, 1e-12};
  const std::vector<double> alphas = log_alpha_grid(1e-3, 1, 8);
  const RegularizationPath p = regularization_path("lasso", 1.0, d.x, d.y, alphas, tight);
  REQUIRE(p.coefs.rows() == 8);
  CHECK(p.coefs(0, 0) == 0.0);  // alpha 1 zeroes the slope (T3)
  for (int a = 0; a < 8; ++a) {
    const LinearFit f = fit(Lasso{p.alphas[a]}, d.x, d.y, tight);
    CHECK_THAT(p.coefs(a, 0), WithinAbs(f.coef(0), 1e-8));
    CHECK(p.converged[a]);
  }
  // Shrinkage: |slope| grows as alpha falls.
  for (int a = 1; a < 8; ++a) CHECK(std::abs(p.coefs(a, 0)) >= std::abs(p.coefs(a - 1, 0)));
  CHECK_THROWS_WITH(regularization_path("ols", 0.5, d.x, d.y, alphas), Contains("ridge, lasso or elasticnet"));
  CHECK_THROWS_AS(regularization_path("lasso", 0.5, d.x, d.y, {}), InputError);
  CHECK_THROWS_AS(regularization_path("lasso", 0.5, d.x, d.y, {1, -1}), InputError);
}

TEST_CASE("k-fold CV matches sklearn cross_val_score with KFold(5)", "[path][cv]") {
  const auto d = test::wine();
  // sklearn 1.2: -cross_val_score(Ridge(alpha=a), X, y, cv=KFold(5),
  // scoring='neg_mean_squared_error'), then .mean() and .std().
  const CrossValidation cv = cross_validate("ridge", 0.5, d.X, d.y, {1, 0.1, 10}, 5);
  CHECK(cv.alphas == std::vector<double>{10, 1, 0.1});
  CHECK_THAT(cv.mean_mse(0), WithinRel(0.08781880154681974, 1e-10));
  CHECK_THAT(cv.std_mse(0), WithinRel(0.015062894227646598, 1e-9));
  CHECK_THAT(cv.mean_mse(1), WithinRel(0.0932024922094988, 1e-10));
  CHECK_THAT(cv.std_mse(1), WithinRel(0.02091445616627221, 1e-9));
  CHECK_THAT(cv.mean_mse(2), WithinRel(0.09737833441616481, 1e-10));
  CHECK_THAT(cv.std_mse(2), WithinRel(0.023907101741557277, 1e-9));
  CHECK(cv.best_index == 0);
  CHECK(cv.best_alpha == 10);
  // Lasso (sklearn cold-starts each alpha; we warm-start, so agreement is to
  // the solver tolerance): alpha 0.1 -> 0.224094009107684, 0.01 -> 0.088165387128145.
  const CrossValidation lasso = cross_validate("lasso", 1.0, d.X, d.y, {0.1, 0.01}, 5);
  CHECK_THAT(lasso.mean_mse(0), WithinRel(0.224094009107684, 1e-4));
  CHECK_THAT(lasso.mean_mse(1), WithinRel(0.088165387128145, 1e-4));
  CHECK(lasso.best_alpha == 0.01);
  CHECK_THROWS_WITH(cross_validate("ridge", 0.5, d.X, d.y, {1}, 1), Contains("2 <= folds <= rows"));
  CHECK_THROWS_AS(cross_validate("ridge", 0.5, d.X, d.y, {1}, 179), InputError);
}
