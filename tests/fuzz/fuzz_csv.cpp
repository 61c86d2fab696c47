// libFuzzer target: the CSV reader. The input is the whole CSV text; it goes
// through parse_csv, numeric_columns/numeric_matrix, both filter_rows forms
// and, when there are two numeric columns, a small regression on it.
//
// Checked beyond "no crash": a parsed table is rectangular with one line
// number per row, rising; numeric_columns' columns really parse; a filter on
// a value that is present keeps exactly the matching rows.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/regression_experiment.hpp"
#include "fuzz_support.hpp"

using reglab::InputError;

namespace {

void check_table(const reglab::Table& t) {
  FUZZ_CHECK(!t.columns.empty());
  FUZZ_CHECK(t.n_rows() >= 1);
  FUZZ_CHECK(t.lines.size() == t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    FUZZ_CHECK(t.rows[i].size() == t.columns.size());
    FUZZ_CHECK(t.lines[i] >= 2);
    if (i > 0) FUZZ_CHECK(t.lines[i] > t.lines[i - 1]);
  }
}

void exercise_filters(const reglab::Table& t) {
  // A value that is present: the filter keeps exactly the matching rows.
  const std::string& column = t.columns.front();
  const std::string& value = t.rows.front().front();
  const reglab::Table kept = reglab::filter_rows(t, column, value);
  int matching = 0;
  for (const auto& row : t.rows) matching += row.front() == value;
  FUZZ_CHECK(kept.n_rows() == matching);
  check_table(kept);
  // The "COL=VALUE" form splits at the first '=': only names without one round-trip.
  if (!column.empty() && column.find('=') == std::string::npos) {
    const reglab::Table again = reglab::filter_rows(t, column + "=" + value);
    FUZZ_CHECK(again.rows == kept.rows);
  }
  // A value that may be absent (then InputError), and a where-text made from the last cell.
  const std::string other = value + "\x01";
  int other_matching = 0;
  for (const auto& row : t.rows) other_matching += row.front() == other;
  try {
    FUZZ_CHECK(reglab::filter_rows(t, column, other).n_rows() == other_matching);
  } catch (const InputError&) {
    FUZZ_CHECK(other_matching == 0);
  }
  try {
    reglab::filter_rows(t, std::string_view(t.rows.back().back()));
  } catch (const InputError&) {
  }
}

void exercise_regression(std::string_view text, const std::vector<std::string>& numeric, std::size_t size) {
  static const char* const kModels[] = {"ols", "ridge", "lasso", "elasticnet"};
  reglab::RegressionRequest r;
  r.csv_text = std::string(text);
  r.target = numeric.back();
  r.model = kModels[size % 4];
  r.alpha = 0.1;
  r.scaling = static_cast<reglab::Scaling>((size / 4) % 3);
  r.test_size = (size / 12) % 2 ? 0.25 : 0.0;
  r.solver.max_iter = 50;
  try {
    const reglab::RegressionResult result = reglab::run_regression(r);
    FUZZ_CHECK(result.fit.coef.size() == static_cast<Eigen::Index>(result.features.size()));
  } catch (const InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  reglab::Table table;
  try {
    table = reglab::parse_csv(text);
  } catch (const InputError&) {
    return 0;
  }
  check_table(table);

  const std::vector<std::string> numeric = reglab::numeric_columns(table);
  const Eigen::MatrixXd X = reglab::numeric_matrix(table, numeric);  // must not throw
  FUZZ_CHECK(X.rows() == table.n_rows() && X.cols() == static_cast<Eigen::Index>(numeric.size()));
  FUZZ_CHECK(X.allFinite());
  try {
    reglab::numeric_matrix(table, table.columns);  // InputError unless every column is numeric
    FUZZ_CHECK(numeric.size() == table.columns.size());
  } catch (const InputError&) {
    FUZZ_CHECK(numeric.size() < table.columns.size());
  }
  exercise_filters(table);
  if (numeric.size() >= 2) exercise_regression(text, numeric, size);
  return 0;
}
