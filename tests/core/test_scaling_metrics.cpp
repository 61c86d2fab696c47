// Column scalers and regression metrics on hand-computed cases.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "core/metrics.hpp"
#include "core/scaling.hpp"

using namespace reglab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("min-max scaling maps training columns to [0, 1]", "[scaling]") {
  Eigen::MatrixXd X(3, 2);
  X << 1, 10, 2, 10, 3, 10;  // the second column is constant
  const Scaler s = fit_scaler(Scaling::MinMax, X);
  CHECK(s.offset == Eigen::RowVector2d(1, 10));
  CHECK(s.scale == Eigen::RowVector2d(2, 1));  // constant column keeps scale 1, as sklearn
  const Eigen::MatrixXd Z = s.apply(X);
  CHECK(Z.col(0) == Eigen::Vector3d(0, 0.5, 1));
  CHECK(Z.col(1) == Eigen::Vector3d::Zero());
  // Rows outside the training range fall outside [0, 1].
  Eigen::MatrixXd other(1, 2);
  other << 5, 11;
  CHECK(s.apply(other) == Eigen::RowVector2d(2, 1));
}

TEST_CASE("z-score scaling uses the population standard deviation", "[scaling]") {
  Eigen::MatrixXd X(4, 2);
  X << 1, 7, 2, 7, 3, 7, 6, 7;
  const Scaler s = fit_scaler(Scaling::ZScore, X);
  // mean 3, squared deviations 4 1 0 9 -> variance 14 / 4 (ddof = 0)
  CHECK(s.offset(0) == 3.0);
  CHECK_THAT(s.scale(0), WithinRel(std::sqrt(3.5), 1e-15));
  CHECK(s.scale(1) == 1.0);
  const Eigen::MatrixXd Z = s.apply(X);
  CHECK_THAT(Z.col(0).mean(), WithinAbs(0, 1e-15));
  CHECK_THAT(Z.col(0).squaredNorm() / 4, WithinRel(1.0, 1e-14));
  CHECK(Z.col(1) == Eigen::Vector4d::Zero());
}

TEST_CASE("no scaling is the identity; bad names and shapes are InputErrors", "[scaling][errors]") {
  const Eigen::MatrixXd X = Eigen::MatrixXd::Random(4, 3);
  CHECK(fit_scaler(Scaling::None, X).apply(X) == X);
  CHECK(parse_scaling("none") == Scaling::None);
  CHECK(parse_scaling("minmax") == Scaling::MinMax);
  CHECK(parse_scaling("zscore") == Scaling::ZScore);
  CHECK_THROWS_WITH(parse_scaling("standard"), Catch::Contains("unknown scaling 'standard'"));
  CHECK_THROWS_AS(fit_scaler(Scaling::MinMax, X).apply(Eigen::MatrixXd::Zero(2, 2)), InputError);
}

TEST_CASE("regression metrics as sklearn", "[metrics]") {
  // sklearn's documentation example: MAE 0.5, MSE 0.375, r2 0.9486081370449679.
  const RegressionMetrics m = regression_metrics(Eigen::Vector4d(3, -0.5, 2, 7), Eigen::Vector4d(2.5, 0.0, 2, 8));
  CHECK(m.n == 4);
  CHECK(m.mae == 0.5);
  CHECK(m.mse == 0.375);
  CHECK(m.rmse == std::sqrt(0.375));
  CHECK_THAT(m.r2, WithinRel(0.9486081370449679, 1e-15));
  // Constant targets: 1 for a perfect fit, 0 otherwise (force_finite); one row: nan.
  CHECK(regression_metrics(Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 1)).r2 == 1.0);
  CHECK(regression_metrics(Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 2)).r2 == 0.0);
  CHECK(std::isnan(regression_metrics(Eigen::VectorXd::Ones(1), Eigen::VectorXd::Zero(1)).r2));
  CHECK_THROWS_AS(regression_metrics(Eigen::Vector2d(1, 2), Eigen::Vector3d(1, 2, 3)), InputError);
}
