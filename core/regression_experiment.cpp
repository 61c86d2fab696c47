// One regression experiment end to end: CSV text -> row filter -> columns ->
// split -> scaling (fitted on the training rows) -> fit -> metrics.
// Each step is a core function; this file only wires them together and
// checks what no single step can (the target is not a feature, ...).
#include "core/regression_experiment.hpp"

#include <algorithm>
#include <string_view>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/split.hpp"

namespace reglab {
namespace {

std::vector<std::string> choose_features(const Table& table, const RegressionRequest& request) {
  if (request.target.empty()) throw InputError("no target column given");
  table.column_index(request.target);  // throws InputError naming an unknown column
  std::vector<std::string> features = request.features;
  if (features.empty()) {
    for (const std::string& name : numeric_columns(table))
      if (name != request.target) features.push_back(name);
    if (features.empty())
      throw InputError("no numeric feature columns besides the target '" + request.target + "'");
    return features;
  }
  for (const std::string& name : features) {
    table.column_index(name);
    if (name == request.target)
      throw InputError("the target column '" + name + "' cannot also be a feature");
    if (std::count(features.begin(), features.end(), name) > 1)
      throw InputError("feature column '" + name + "' is listed more than once");
  }
  return features;
}

}  // namespace

RegressionResult run_regression(const RegressionRequest& request) {
  // Parameters first: a bad alpha should not wait for a large file to parse.
  const LinearModel model = make_model(request.model, request.alpha, request.l1_ratio);
  if (request.solver.max_iter < 1) throw InputError("max_iter must be at least 1");
  if (!(request.solver.tol >= 0.0)) throw InputError("tol must be a number >= 0");

  Table table = parse_csv(request.csv_text);
  if (!request.where.empty()) {
    table = filter_rows(table, std::string_view(request.where));
    if (table.n_rows() == 0) throw InputError("no rows match '" + request.where + "'");
  }

  RegressionResult result;
  result.features = choose_features(table, request);
  result.X = numeric_matrix(table, result.features);
  result.y = numeric_vector(table, request.target);

  const Split split = train_test_split(table.n_rows(), request.test_size, request.seed);
  result.train_indices = split.train;
  result.test_indices = split.test;

  const Eigen::MatrixXd X_train = result.X(split.train, Eigen::all);  // (train rows, features)
  const Eigen::VectorXd y_train = result.y(split.train);
  result.scaler = fit_scaler(request.scaling, X_train);
  const Eigen::MatrixXd X_train_scaled = result.scaler.apply(X_train);

  result.fit = fit(model, X_train_scaled, y_train, request.solver);
  result.train = regression_metrics(y_train, result.fit.predict(X_train_scaled));
  if (!split.test.empty()) {
    const Eigen::MatrixXd X_test_scaled = result.scaler.apply(result.X(split.test, Eigen::all));
    result.test = regression_metrics(result.y(split.test), result.fit.predict(X_test_scaled));
  }
  return result;
}

}  // namespace reglab
