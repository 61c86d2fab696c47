#pragma once
// Data sets of the post's experiments, built from the compiled-in CSVs.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/builtin_data.hpp"
#include "core/csv.hpp"

namespace reglab::test {

// T2-T4: the 50 virginica rows; x = petal length (cm), y = sepal length (cm).
struct Virginica {
  Eigen::MatrixXd x;  // (50, 1)
  Eigen::VectorXd y;  // (50)
};
inline Virginica virginica() {
  const Table t = filter_rows(parse_csv(builtin_csv("iris")), "species=virginica");
  return {numeric_matrix(t, {"petal length (cm)"}), numeric_vector(t, "sepal length (cm)")};
}

// T5-T6: all 13 raw wine features and the class as a number.
struct Wine {
  std::vector<std::string> features;
  Eigen::MatrixXd X;  // (178, 13)
  Eigen::VectorXd y;  // (178)
};
inline Wine wine() {
  const Table t = parse_csv(builtin_csv("wine"));
  std::vector<std::string> features(t.columns.begin(), t.columns.end() - 1);  // all but "target"
  return {features, numeric_matrix(t, features), numeric_vector(t, "target")};
}

inline Eigen::MatrixXd rows_of(const Eigen::MatrixXd& X, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = X.row(rows[i]);
  return out;
}
inline Eigen::VectorXd rows_of(const Eigen::VectorXd& y, const std::vector<int>& rows) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i)) = y(rows[i]);
  return out;
}

}  // namespace reglab::test
