#pragma once
// Conversions between emscripten::val (JS values) and the core's C++ types.
// Nothing here computes anything.
//
// JS -> C++: wasm/reglab.js hands the bindings well-typed values (objects,
// strings, numbers, Float64Arrays); these readers still check every type and
// throw reglab::InputError rather than let embind throw a JS exception from
// inside wasm (see wasm/CMakeLists.txt for why none may cross wasm frames).
// C++ -> JS: every array is copied into a fresh JS typed array, so results
// never alias the wasm heap (which moves when memory grows).
#include <emscripten/val.h>
#include <exception>
#include <new>

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/metrics.hpp"
#include "core/norms.hpp"

namespace reglab::wasm {

using emscripten::val;

// ---- JS -> C++ ---------------------------------------------------------------
// A property that is neither undefined nor null.
bool has(const val& object, const char* key);
void require_object(const val& value, const char* what);
double number_or(const val& object, const char* key, double fallback);
int int_or(const val& object, const char* key, int fallback);
std::string string_or(const val& object, const char* key, const std::string& fallback);
bool bool_or(const val& object, const char* key, bool fallback);
std::vector<std::string> to_strings(const val& array, const char* what);
std::vector<std::string> strings_or(const val& object, const char* key);  // none: empty
// An Array or typed array of finite numbers (+-Infinity allowed when `allow_inf`).
std::vector<double> to_doubles(const val& array, const char* what, bool allow_inf = false);
// An array of equally long rows of numbers.
Eigen::MatrixXd to_matrix(const val& rows, const char* what);

// ---- C++ -> JS ---------------------------------------------------------------
val to_js(const std::vector<double>& values);  // Float64Array
val to_js(const Eigen::VectorXd& values);      // Float64Array
val to_js(const std::vector<int>& values);     // Int32Array
val to_js(const std::vector<std::string>& values);  // Array of strings
val to_js(const RegressionMetrics& metrics);   // {n, mae, mse, rmse, r2}
val to_js(const std::vector<Point2>& points);  // {x: Float64Array, y: Float64Array}
val rows_to_js(const Eigen::MatrixXd& matrix); // Array of Float64Array rows
val to_js(const std::optional<int>& value);    // number, or null

// An Error object carrying `message`, to be returned (not thrown) to reglab.js.
val js_error(const std::string& message);

// Runs a binding's body; a C++ exception becomes a returned Error, so nothing
// is thrown across the wasm boundary (3.1.6 leaks C stack on each such throw).
template <class F>
val guarded(F&& body) {
  try {
    return body();
  } catch (const InputError& e) {
    return js_error(e.what());
  } catch (const std::bad_alloc&) {
    return js_error("out of memory (the browser refused to grow the WebAssembly heap)");
  } catch (const std::exception& e) {
    return js_error(std::string("internal error: ") + e.what());
  }
}

}  // namespace reglab::wasm
