#include "wasm/operations.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace reglab::wasm {
TrainingRows training_rows(const RegressionResult& result) {
  return {result.scaler.apply(result.X(result.train_indices, Eigen::all)),
          result.y(result.train_indices)};
}

Predictions predictions(const RegressionResult& result) {
  Predictions out;
  out.train = result.fit.predict(result.scaler.apply(result.X(result.train_indices, Eigen::all)));
  out.test = result.test_indices.empty()
                 ? Eigen::VectorXd()
                 : result.fit.predict(result.scaler.apply(result.X(result.test_indices, Eigen::all)));
  return out;
}

PathExperiment run_path(const RegressionRequest& request, const std::vector<double>& alphas) {
  PathExperiment out;
  out.at_alpha = run_regression(request);
  const TrainingRows rows = training_rows(out.at_alpha);
  out.path = regularization_path(request.model, request.l1_ratio, rows.X, rows.y, alphas, request.solver);
  return out;
}

CvExperiment run_cross_validation(const RegressionRequest& request,
                                  const std::vector<double>& alphas, int folds) {
  CvExperiment out;
  out.at_alpha = run_regression(request);
  const TrainingRows rows = training_rows(out.at_alpha);
  out.cv = cross_validate(request.model, request.l1_ratio, rows.X, rows.y, alphas, folds, request.solver);
  return out;
}

Eigen::MatrixXd scale_columns(Scaling kind, const Eigen::MatrixXd& X) {
  return fit_scaler(kind, X).apply(X);
}

MatrixNorms matrix_norms(const Eigen::MatrixXd& A) {
  return {matrix_norm(A, MatrixNorm::One), matrix_norm(A, MatrixNorm::Inf),
          matrix_norm(A, MatrixNorm::Frobenius), matrix_norm(A, MatrixNorm::Spectral),
          matrix_norm(A, MatrixNorm::Nuclear)};
}

std::vector<Point2> norm_ball(double p, double radius, int n_points) {
  if (!(radius >= 0.0) || !std::isfinite(radius))
    throw InputError("the radius must be a finite number >= 0");
  std::vector<Point2> points = unit_ball(p, n_points);
  for (Point2& point : points) {
    point.x *= radius;
    point.y *= radius;
  }
  return points;
}

PenaltyPicture penalty_picture(const QuadraticBowl& bowl, double budget,
                               const std::vector<double>& levels, int n_points) {
  PenaltyPicture out;
  out.diamond = norm_ball(1.0, budget, n_points);
  out.circle = norm_ball(2.0, budget, n_points);
  out.l1 = constrained_optimum(bowl, Constraint::L1, budget);
  out.l2 = constrained_optimum(bowl, Constraint::L2, budget);
  out.l1_contour = loss_contour(bowl, out.l1.loss, n_points);
  out.l2_contour = loss_contour(bowl, out.l2.loss, n_points);
  for (double level : levels) out.contours.push_back(loss_contour(bowl, level, n_points));
  return out;
}

}  // namespace reglab::wasm
