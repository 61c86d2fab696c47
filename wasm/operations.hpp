#pragma once
// The page's operations that are more than one core call, in plain C++ (no
// emscripten types): the bindings convert their inputs and outputs. Each is a
// short composition of core functions; the computing stays in core/.
#include <Eigen/Core>
#include <vector>

#include "core/norms.hpp"
#include "core/penalty_geometry.hpp"
#include "core/regression_experiment.hpp"
#include "core/regression_path.hpp"
#include "core/scaling.hpp"

namespace reglab::wasm {

// The rows a model of `result` was fitted on, scaled by its scaler.
struct TrainingRows {
  Eigen::MatrixXd X;  // (train rows, features), scaled
  Eigen::VectorXd y;  // (train rows)
};
TrainingRows training_rows(const RegressionResult& result);

// Predictions of the fitted model for the train and test rows, in split order.
struct Predictions {
  Eigen::VectorXd train, test;
};
Predictions predictions(const RegressionResult& result);

// The request's experiment (fit at request.alpha) and, on the same scaled
// training rows, the coefficient path over `alphas`.
struct PathExperiment {
  RegressionResult at_alpha;
  RegularizationPath path;
};
PathExperiment run_path(const RegressionRequest& request, const std::vector<double>& alphas);

// The request's experiment and k-fold cross-validation over `alphas` on its
// scaled training rows (the test rows stay unseen).
struct CvExperiment {
  RegressionResult at_alpha;
  CrossValidation cv;
};
CvExperiment run_cross_validation(const RegressionRequest& request,
                                  const std::vector<double>& alphas, int folds);

// Every column scaled on its own (as sklearn's minmax_scale / scale).
Eigen::MatrixXd scale_columns(Scaling kind, const Eigen::MatrixXd& X);

struct MatrixNorms {
  double one, inf, frobenius, spectral, nuclear;
};
MatrixNorms matrix_norms(const Eigen::MatrixXd& A);

// {w : ||w||_p = radius} as a closed outline.
std::vector<Point2> norm_ball(double p, double radius, int n_points);

// Everything the L1-vs-L2 picture draws for one budget.
struct PenaltyPicture {
  std::vector<Point2> diamond, circle;      // ||w||_1 = budget, ||w||_2 = budget
  ConstrainedOptimum l1, l2;                // where each constrained optimum lands
  std::vector<Point2> l1_contour, l2_contour;  // the loss level sets through them
  std::vector<std::vector<Point2>> contours;   // level sets at `levels`
};
PenaltyPicture penalty_picture(const QuadraticBowl& bowl, double budget,
                               const std::vector<double>& levels, int n_points);

}  // namespace reglab::wasm
