#pragma once
// JSON and text rendering of tabular results for `reglab regress|path|norm`.
// Doubles are written by nlohmann::ordered_json, which prints the shortest text that
// reads back to the same double; NaN becomes null.
#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/metrics.hpp"

namespace reglab::cli {

inline nlohmann::ordered_json to_json(const Eigen::VectorXd& v) {
  return nlohmann::ordered_json(std::vector<double>(v.data(), v.data() + v.size()));
}

inline nlohmann::ordered_json rows_to_json(const Eigen::MatrixXd& A) {  // [[row 0], [row 1], ...]
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (Eigen::Index i = 0; i < A.rows(); ++i) rows.push_back(to_json(A.row(i).transpose()));
  return rows;
}

inline nlohmann::ordered_json to_json(const RegressionMetrics& m) {
  return {{"n", m.n}, {"mae", m.mae}, {"mse", m.mse}, {"rmse", m.rmse}, {"r2", m.r2}};
}

}  // namespace reglab::cli
