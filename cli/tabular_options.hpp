#pragma once
// The data and solver options shared by `reglab regress` and `reglab path`,
// and their translation into a core RegressionRequest.
#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <cstdint>
#include <string>

#include "core/regression_experiment.hpp"

namespace reglab::cli {

struct DataOptions {
  std::string data;                 // "iris" | "wine" | path to a CSV file
  std::string target;
  std::string features;             // "A,B,..."; empty: every numeric column but the target
  std::string where;                // "COL=VALUE"
  std::string scale = "none";       // none | minmax | zscore
  double test_size = 0.0;
  std::int64_t seed = 0;            // checked to fit numpy's 32-bit seed
  int max_iter = 1000;
  double tol = 1e-4;
};

// Registers --data --target --features --where --scale --test-size --seed
// --max-iter --tol on `cmd`, writing into `o` (which must outlive parsing).
void add_data_options(CLI::App* cmd, DataOptions& o);

// The request for these options with model, alpha and l1_ratio left to the
// caller; reads the CSV (built-in or file). Throws InputError.
RegressionRequest make_request(const DataOptions& o);

// The training rows of a finished experiment, scaled as the model saw them.
struct TrainingRows {
  Eigen::MatrixXd X;  // (train rows, features)
  Eigen::VectorXd y;  // (train rows)
};
TrainingRows training_rows(const RegressionResult& result);

// Prints sklearn's ConvergenceWarning equivalent to stderr.
void warn_not_converged(const std::string& what, int max_iter);

}  // namespace reglab::cli
