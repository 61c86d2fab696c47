#include "wasm/convert_core.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "core/linear.hpp"
#include "wasm/convert.hpp"

namespace reglab::wasm {

RegressionRequest to_regression_request(const val& js) {
  require_object(js, "the regression request");
  RegressionRequest request;
  request.csv_text = string_or(js, "csv", "");
  request.target = string_or(js, "target", "");
  request.features = strings_or(js, "features");
  request.where = string_or(js, "where", "");
  request.model = string_or(js, "model", request.model);
  request.alpha = number_or(js, "alpha", request.alpha);
  request.l1_ratio = number_or(js, "l1_ratio", request.l1_ratio);
  request.scaling = parse_scaling(string_or(js, "scaling", "none"));
  request.test_size = number_or(js, "test_size", request.test_size);
  const double seed = number_or(js, "seed", 0.0);
  if (!(seed >= 0.0 && seed <= 4294967295.0 && seed == std::floor(seed)))
    throw InputError("seed must be a whole number from 0 to 4294967295");
  request.seed = static_cast<std::uint32_t>(seed);
  request.solver.max_iter = int_or(js, "max_iter", request.solver.max_iter);
  request.solver.tol = number_or(js, "tol", request.solver.tol);
  return request;
}

QuadraticBowl to_bowl(const val& js) {
  require_object(js, "the penalty request");
  if (!has(js, "center") || !has(js, "H")) throw InputError("the penalty request needs center and H");
  const std::vector<double> center = to_doubles(js["center"], "center");
  const Eigen::MatrixXd H = to_matrix(js["H"], "H");
  if (center.size() != 2 || H.rows() != 2 || H.cols() != 2)
    throw InputError("center must have 2 values and H must be 2 x 2");
  QuadraticBowl bowl;
  bowl.center = Eigen::Vector2d(center[0], center[1]);
  bowl.H = H;
  return bowl;
}

val to_js(const RegressionResult& result, const Predictions& predictions, bool with_data) {
  val out = val::object();
  out.set("features", to_js(result.features));
  out.set("coef", to_js(result.fit.coef));
  out.set("intercept", result.fit.intercept);
  out.set("n_iter", to_js(result.fit.n_iter));
  out.set("converged", result.fit.converged);
  out.set("dual_gap", result.fit.n_iter ? val(result.fit.dual_gap) : val::null());
  out.set("n_rows", static_cast<int>(result.y.size()));
  out.set("train", to_js(result.train));
  out.set("test", result.test ? to_js(*result.test) : val::null());
  out.set("train_indices", to_js(result.train_indices));
  out.set("test_indices", to_js(result.test_indices));
  val predicted = val::object();
  predicted.set("train", to_js(predictions.train));
  predicted.set("test", to_js(predictions.test));
  out.set("predictions", predicted);
  if (with_data) {
    val data = val::object();
    data.set("X", rows_to_js(result.X));
    data.set("y", to_js(result.y));
    out.set("data", data);
  }
  return out;
}

val to_js(const RegularizationPath& path) {
  val out = val::object();
  out.set("alphas", to_js(path.alphas));
  out.set("coefs", rows_to_js(path.coefs));
  out.set("intercepts", to_js(path.intercepts));
  out.set("n_iter", to_js(path.n_iter));
  return out;
}

val to_js(const CrossValidation& cv) {
  val out = val::object();
  out.set("alphas", to_js(cv.alphas));
  out.set("mean_mse", to_js(cv.mean_mse));
  out.set("std_mse", to_js(cv.std_mse));
  out.set("best_index", cv.best_index);
  out.set("best_alpha", cv.best_alpha);
  return out;
}

val to_js(const MatrixNorms& norms) {
  val out = val::object();
  out.set("one", norms.one);
  out.set("inf", norms.inf);
  out.set("fro", norms.frobenius);
  out.set("spectral", norms.spectral);
  out.set("nuclear", norms.nuclear);
  return out;
}

val to_js(const ConstrainedOptimum& optimum) {
  val out = val::object();
  out.set("w", to_js(std::vector<double>{optimum.w(0), optimum.w(1)}));
  out.set("loss", optimum.loss);
  out.set("on_boundary", optimum.on_boundary);
  return out;
}

val to_js(const PenaltyPicture& picture) {
  val out = val::object();
  out.set("diamond", to_js(picture.diamond));
  out.set("circle", to_js(picture.circle));
  out.set("l1", to_js(picture.l1));
  out.set("l2", to_js(picture.l2));
  out.set("l1_contour", to_js(picture.l1_contour));
  out.set("l2_contour", to_js(picture.l2_contour));
  val contours = val::array();
  for (std::size_t i = 0; i < picture.contours.size(); ++i) contours.set(i, to_js(picture.contours[i]));
  out.set("contours", contours);
  return out;
}

}  // namespace reglab::wasm
