#pragma once
// One regression experiment end to end, shared by the CLI and the wasm module:
// CSV text -> row filter -> columns -> split -> scaling -> fit -> metrics.
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/linear.hpp"
#include "core/metrics.hpp"
#include "core/scaling.hpp"

namespace reglab {

struct RegressionRequest {
  std::string csv_text;                // the whole CSV file
  std::string target;                  // target column
  std::vector<std::string> features;   // empty: every numeric column but the target
  std::string where;                   // "COL=VALUE" row filter, empty for none
  std::string model = "ols";           // ols | ridge | lasso | elasticnet
  double alpha = 1.0;
  double l1_ratio = 0.5;
  Scaling scaling = Scaling::None;     // fitted on the training rows
  double test_size = 0.0;              // 0: fit on all rows
  std::uint32_t seed = 0;
  SolverOptions solver;
};

struct RegressionResult {
  std::vector<std::string> features;
  LinearFit fit;
  RegressionMetrics train;
  std::optional<RegressionMetrics> test;
  std::vector<int> train_indices, test_indices;  // rows of the filtered data, split order
  Eigen::MatrixXd X;  // (rows, features) filtered data, unscaled
  Eigen::VectorXd y;  // (rows)
  Scaler scaler;      // as fitted on the training rows
};

// Throws InputError with a message for the user on any bad input.
RegressionResult run_regression(const RegressionRequest& request);

}  // namespace reglab
