#pragma once
// Linear regression with scikit-learn's objectives, solvers and stopping rules.
// X is (samples, features), y is (samples). Intercepts are fitted by centring
// X and y on the rows given and are never penalised.
#include <Eigen/Core>
#include <optional>
#include <string_view>
#include <variant>

namespace reglab {

struct Ols {};                                   // min ||y - Xw||^2
struct Ridge { double alpha = 1.0; };            // + alpha ||w||^2
struct Lasso { double alpha = 1.0; };            // (1/2n)||y - Xw||^2 + alpha ||w||_1
struct ElasticNet {                              // (1/2n)||..||^2 + a*r*|w|_1 + a*(1-r)/2*|w|^2
  double alpha = 1.0;
  double l1_ratio = 0.5;
};
using LinearModel = std::variant<Ols, Ridge, Lasso, ElasticNet>;

// "ols" | "ridge" | "lasso" | "elasticnet"; throws InputError on bad names or
// parameters (alpha < 0 or not finite, l1_ratio outside [0, 1]), checked for
// every model so a bad value never passes silently.
LinearModel make_model(std::string_view name, double alpha, double l1_ratio);
std::string_view model_name(const LinearModel& model);

struct SolverOptions {       // coordinate descent only (Lasso, ElasticNet)
  int max_iter = 1000;       // >= 1
  double tol = 1e-4;         // >= 0, finite; the gap must fall below tol * ||y - mean(y)||^2
};

struct LinearFit {
  Eigen::VectorXd coef;       // (features)
  double intercept = 0.0;
  std::optional<int> n_iter;  // passes of coordinate descent; none for closed form
  bool converged = true;      // false when max_iter ran out (sklearn's ConvergenceWarning)
  double dual_gap = 0.0;      // per sample, as sklearn's dual_gap_ (0 for closed form)
  Eigen::VectorXd predict(const Eigen::MatrixXd& X) const;
};

// Throws InputError on bad parameters or options, X/y of different lengths,
// fewer than 2 rows, no features, or non-finite values. `warm_start` (the
// starting coefficients, coordinate descent only) must have one per feature.
LinearFit fit(const LinearModel& model, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
              const SolverOptions& options = {},
              const Eigen::VectorXd* warm_start = nullptr);

}  // namespace reglab
