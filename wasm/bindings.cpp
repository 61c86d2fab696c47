// The embind bindings: each function converts its JS arguments, calls the
// core (or a composition from wasm/operations.hpp) and converts the result.
//
// Errors: a C++ exception is caught here and *returned* as a JS Error, which
// wasm/reglab.js throws. Nothing is thrown across the wasm boundary, so a bad
// input never aborts the module nor leaks its stack (wasm/CMakeLists.txt).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "core/builtin_data.hpp"
#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/norms.hpp"
#include "core/regression_path.hpp"
#include "wasm/convert.hpp"
#include "wasm/convert_core.hpp"
#include "wasm/nn_bindings.hpp"
#include "wasm/operations.hpp"

namespace reglab::wasm {
namespace {

val js_regress(val request) {
  return guarded([&] {
    const RegressionResult result = run_regression(to_regression_request(request));
    return to_js(result, predictions(result), bool_or(request, "with_data", false));
  });
}

val js_regularization_path(val request, val alphas) {
  return guarded([&] {
    const PathExperiment run = run_path(to_regression_request(request), to_doubles(alphas, "alphas"));
    val out = to_js(run.path);
    out.set("fit", to_js(run.at_alpha, predictions(run.at_alpha), false));
    return out;
  });
}

val js_cross_validate(val request, val alphas, int folds) {
  return guarded([&] {
    const CvExperiment run =
        run_cross_validation(to_regression_request(request), to_doubles(alphas, "alphas"), folds);
    val out = to_js(run.cv);
    out.set("fit", to_js(run.at_alpha, predictions(run.at_alpha), false));
    return out;
  });
}

val js_log_alpha_grid(double lo, double hi, int n) {
  return guarded([&] { return to_js(reglab::log_alpha_grid(lo, hi, n)); });
}

val js_vector_norm(val x, double p) {
  return guarded([&] {
    const std::vector<double> v = to_doubles(x, "x");
    return val(reglab::vector_norm(Eigen::Map<const Eigen::VectorXd>(v.data(), v.size()), p));
  });
}

val js_matrix_norms(val rows) {
  return guarded([&] { return to_js(matrix_norms(to_matrix(rows, "A"))); });
}

val js_parse_vector(std::string text) {
  return guarded([&] { return to_js(Eigen::VectorXd(reglab::parse_vector(text))); });
}

val js_parse_matrix(std::string text) {
  return guarded([&] { return rows_to_js(reglab::parse_matrix(text)); });
}

val js_unit_ball(double p, double radius, int n_points) {
  return guarded([&] { return to_js(norm_ball(p, radius, n_points)); });
}

val js_penalty_geometry(val request) {
  return guarded([&] {
    const std::vector<double> levels =
        has(request, "levels") ? to_doubles(request["levels"], "levels") : std::vector<double>{};
    return to_js(penalty_picture(to_bowl(request), number_or(request, "budget", 1.0), levels,
                                 int_or(request, "n_points", 256)));
  });
}

val js_csv_info(std::string text) {
  return guarded([&] {
    const Table table = parse_csv(text);
    val out = val::object();
    out.set("columns", to_js(table.columns));
    out.set("numeric_columns", to_js(numeric_columns(table)));
    out.set("n_rows", table.n_rows());
    return out;
  });
}

// The named numeric columns of the rows that match `where` (empty: all rows),
// as an array of columns.
val js_csv_columns(std::string text, std::string where, val names) {
  return guarded([&] {
    Table table = parse_csv(text);
    if (!where.empty()) table = filter_rows(table, std::string_view(where));
    return rows_to_js(numeric_matrix(table, to_strings(names, "names")).transpose());
  });
}

val js_scale_columns(val columns, std::string kind) {
  return guarded([&] {
    const Eigen::MatrixXd X = to_matrix(columns, "columns").transpose();  // (rows, columns)
    return rows_to_js(scale_columns(parse_scaling(kind), X).transpose());
  });
}

val js_builtin_csv(std::string name) {
  return guarded([&] {
    const std::string_view text = reglab::builtin_csv(name);
    if (text.empty()) throw InputError("no built-in data set named '" + name + "' (try iris or wine)");
    return val(std::string(text));
  });
}

}  // namespace
}  // namespace reglab::wasm

EMSCRIPTEN_BINDINGS(reglab) {
  using namespace reglab::wasm;
  emscripten::function("regress", &js_regress);
  emscripten::function("regularizationPath", &js_regularization_path);
  emscripten::function("crossValidate", &js_cross_validate);
  emscripten::function("logAlphaGrid", &js_log_alpha_grid);
  emscripten::function("vectorNorm", &js_vector_norm);
  emscripten::function("matrixNorms", &js_matrix_norms);
  emscripten::function("parseVector", &js_parse_vector);
  emscripten::function("parseMatrix", &js_parse_matrix);
  emscripten::function("unitBall", &js_unit_ball);
  emscripten::function("penaltyGeometry", &js_penalty_geometry);
  emscripten::function("csvInfo", &js_csv_info);
  emscripten::function("csvColumns", &js_csv_columns);
  emscripten::function("scaleColumns", &js_scale_columns);
  emscripten::function("builtinCsv", &js_builtin_csv);
  register_nn();  // the Fashion-MNIST lab: wasm/nn_bindings.cpp
}
