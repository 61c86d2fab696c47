#pragma once
// Coefficients over a grid of alphas (warm-started, as sklearn's lasso_path /
// enet_path), and k-fold cross-validation of the validation MSE over alphas.
#include <Eigen/Core>
#include <string_view>
#include <vector>

#include "core/linear.hpp"

namespace reglab {

// n log-spaced alphas from hi down to lo: numpy.logspace(log10(lo), log10(hi), n)
// reversed. Throws InputError unless 0 < lo <= hi (finite) and 1 <= n <= 10000.
std::vector<double> log_alpha_grid(double lo, double hi, int n);

struct RegularizationPath {
  std::vector<double> alphas;   // in the order fitted (descending)
  Eigen::MatrixXd coefs;        // (alphas, features)
  Eigen::VectorXd intercepts;   // (alphas)
  std::vector<int> n_iter;      // 0 for closed-form models
  std::vector<bool> converged;  // false where coordinate descent ran out of max_iter
};

// `model_name` is "ridge" | "lasso" | "elasticnet"; l1_ratio is used by elasticnet.
// Alphas are fitted in descending order, each coordinate-descent fit starting
// from the previous coefficients. Throws InputError on bad names or alphas.
RegularizationPath regularization_path(std::string_view model_name, double l1_ratio,
                                       const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                       const std::vector<double>& alphas,
                                       const SolverOptions& options = {});

struct CrossValidation {
  std::vector<double> alphas;
  Eigen::VectorXd mean_mse;  // (alphas) mean over folds of validation MSE
  Eigen::VectorXd std_mse;   // (alphas) population std over folds
  int best_index = 0;        // argmin of mean_mse
  double best_alpha = 0.0;
};

// sklearn KFold(n_splits=k, shuffle=False): the first n % k folds get one
// extra row; 2 <= k <= n. For each fold the path is fitted on the other rows
// and scored on the fold. Scaling, if any, is up to the caller (applied before).
CrossValidation cross_validate(std::string_view model_name, double l1_ratio,
                               const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                               const std::vector<double>& alphas, int k,
                               const SolverOptions& options = {});

}  // namespace reglab
