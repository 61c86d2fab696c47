#include "wasm/convert.hpp"

#include <cmath>
#include <emscripten/val.h>

#include "core/errors.hpp"

namespace reglab::wasm {
namespace {

std::string type_of(const val& value) {
  return value.typeOf().as<std::string>();
}

val property(const val& object, const char* key) {
  return object[key];
}

// Copies `n` values at `data` into a new JS typed array of type `ctor`.
template <class T>
val copy_to_typed_array(const char* ctor, std::size_t n, const T* data) {
  return val::global(ctor).new_(emscripten::typed_memory_view(n, data));
}

}  // namespace

bool has(const val& object, const char* key) {
  const val value = property(object, key);
  return !value.isUndefined() && !value.isNull();
}

void require_object(const val& value, const char* what) {
  if (type_of(value) != "object" || value.isNull())
    throw InputError(std::string(what) + " must be an object");
}

double number_or(const val& object, const char* key, double fallback) {
  if (!has(object, key)) return fallback;
  const val value = property(object, key);
  if (!value.isNumber()) throw InputError(std::string(key) + " must be a number");
  const double x = value.as<double>();
  if (std::isnan(x)) throw InputError(std::string(key) + " must be a number, not NaN");
  return x;
}

int int_or(const val& object, const char* key, int fallback) {
  const double x = number_or(object, key, fallback);
  if (!std::isfinite(x) || x != std::floor(x) || std::fabs(x) > 2147483647.0)
    throw InputError(std::string(key) + " must be a whole number");
  return static_cast<int>(x);
}

std::string string_or(const val& object, const char* key, const std::string& fallback) {
  if (!has(object, key)) return fallback;
  const val value = property(object, key);
  if (!value.isString()) throw InputError(std::string(key) + " must be a string");
  return value.as<std::string>();
}

bool bool_or(const val& object, const char* key, bool fallback) {
  if (!has(object, key)) return fallback;
  const val value = property(object, key);
  if (type_of(value) != "boolean") throw InputError(std::string(key) + " must be true or false");
  return value.as<bool>();
}

std::vector<std::string> to_strings(const val& array, const char* what) {
  if (!array.isArray()) throw InputError(std::string(what) + " must be an array of strings");
  std::vector<std::string> out;
  const int n = array["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val item = array[i];
    if (!item.isString()) throw InputError(std::string(what) + " must be an array of strings");
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::vector<std::string> strings_or(const val& object, const char* key) {
  return has(object, key) ? to_strings(property(object, key), key) : std::vector<std::string>{};
}

std::vector<double> to_doubles(const val& array, const char* what, bool allow_inf) {
  if (!array.isArray() && !array.instanceof(val::global("Float64Array")))
    throw InputError(std::string(what) + " must be an array of numbers");
  // Float64Array.prototype.set converts each element with Number(): a
  // non-number becomes NaN, which the check below reports.
  std::vector<double> out = emscripten::convertJSArrayToNumberVector<double>(array);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double x = out[i];
    if (std::isnan(x) || (!allow_inf && std::isinf(x)))
      throw InputError(std::string(what) + "[" + std::to_string(i) + "] is not a finite number");
  }
  return out;
}

Eigen::MatrixXd to_matrix(const val& rows, const char* what) {
  if (!rows.isArray()) throw InputError(std::string(what) + " must be an array of rows");
  const int n = rows["length"].as<int>();
  if (n == 0) throw InputError(std::string(what) + " has no rows");
  Eigen::MatrixXd out;
  for (int i = 0; i < n; ++i) {
    const std::string name = std::string(what) + " row " + std::to_string(i + 1);
    const std::vector<double> row = to_doubles(rows[i], name.c_str());
    if (i == 0) {
      if (row.empty()) throw InputError(std::string(what) + " has an empty row");
      out.resize(n, static_cast<Eigen::Index>(row.size()));
    } else if (static_cast<Eigen::Index>(row.size()) != out.cols()) {
      throw InputError(name + " has " + std::to_string(row.size()) + " values, row 1 has " +
                       std::to_string(out.cols()));
    }
    for (std::size_t j = 0; j < row.size(); ++j) out(i, static_cast<Eigen::Index>(j)) = row[j];
  }
  return out;
}

val to_js(const std::vector<double>& values) {
  return copy_to_typed_array("Float64Array", values.size(), values.data());
}

val to_js(const Eigen::VectorXd& values) {
  return copy_to_typed_array("Float64Array", static_cast<std::size_t>(values.size()), values.data());
}

val to_js(const std::vector<int>& values) {
  return copy_to_typed_array("Int32Array", values.size(), values.data());
}

val to_js(const std::vector<std::string>& values) {
  val out = val::array();
  for (std::size_t i = 0; i < values.size(); ++i) out.set(i, values[i]);
  return out;
}

val to_js(const RegressionMetrics& metrics) {
  val out = val::object();
  out.set("n", metrics.n);
  out.set("mae", metrics.mae);
  out.set("mse", metrics.mse);
  out.set("rmse", metrics.rmse);
  out.set("r2", metrics.r2);
  return out;
}

val to_js(const std::vector<Point2>& points) {
  std::vector<double> x(points.size()), y(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    x[i] = points[i].x;
    y[i] = points[i].y;
  }
  val out = val::object();
  out.set("x", to_js(x));
  out.set("y", to_js(y));
  return out;
}

val rows_to_js(const Eigen::MatrixXd& matrix) {
  val out = val::array();
  for (Eigen::Index i = 0; i < matrix.rows(); ++i) {
    const Eigen::VectorXd row = matrix.row(i).transpose();
    out.set(static_cast<int>(i), to_js(row));
  }
  return out;
}

val to_js(const std::optional<int>& value) {
  return value ? val(*value) : val::null();
}

val js_error(const std::string& message) {
  return val::global("Error").new_(message);
}

}  // namespace reglab::wasm
